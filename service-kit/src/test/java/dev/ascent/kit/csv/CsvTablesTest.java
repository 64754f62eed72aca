package dev.ascent.kit.csv;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTablesTest {

    @Test
    void writesAHeaderAndEachRowWithNumbersAsTheyAreAndNullsEmpty() {
        String csv = CsvTables.write(List.of("name", "percent", "gap", "note"),
                List.of(Arrays.asList("Ada", 71, -0.5, null), Arrays.asList("Bo, Jr.", 0, 1.5, "a \"quote\"")));
        assertThat(csv).isEqualTo("""
                name,percent,gap,note
                Ada,71,-0.5,
                "Bo, Jr.",0,1.5,"a ""quote""\"
                """);
    }

    @Test
    void textThatASpreadsheetWouldRunIsNeutralised() {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(CsvTables.neutralise(start + "cmd")).isEqualTo("'" + start + "cmd");
        }
        assertThat(CsvTables.neutralise("")).isEmpty();
        assertThat(CsvTables.neutralise("Ada = 1")).isEqualTo("Ada = 1");
        assertThat(CsvTables.neutralise("'quoted")).isEqualTo("'quoted");
        assertThat(CsvTables.write(List.of("name", "count"), List.of(List.of("=cmd|' /C calc'!A0", -3))))
                .isEqualTo("name,count\n\"'=cmd|' /C calc'!A0\",-3\n");
        assertThat(CsvTables.write(List.of("code"), List.of(List.of(new StringBuilder("-1")))))
                .as("text of any type, not only strings").isEqualTo("code\n'-1\n");
    }

    @Test
    void aRowMustHaveACellPerColumn() {
        assertThatThrownBy(() -> CsvTables.write(List.of("a", "b"), List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a row has 1 cells for 2 columns");
        assertThat(CsvTables.write(List.of("a"), List.of())).isEqualTo("a\n");
    }
}
