package dev.ascent.kit.csv;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
    void textThatASpreadsheetWouldRunIsNeutralised() throws Exception {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(CsvTables.neutralise(start + "cmd")).isEqualTo("'" + start + "cmd");
        }
        assertThat(CsvTables.neutralise("")).isEmpty();
        assertThat(CsvTables.neutralise("Ada = 1")).isEqualTo("Ada = 1");
        assertThat(CsvTables.neutralise("'quoted")).isEqualTo("'quoted");
        assertThat(read(CsvTables.write(List.of("name", "count"), List.of(List.of("=cmd|' /C calc'!A0", -3)))))
                .containsExactly(Map.of("name", "'=cmd|' /C calc'!A0", "count", "-3"));
        assertThat(read(CsvTables.write(List.of("code", "n"), List.of(List.of(new StringBuilder("-1"), -1)))))
                .as("text of any type, not only strings; numbers as they are")
                .containsExactly(Map.of("code", "'-1", "n", "-1"));
    }

    private static List<Map<String, String>> read(String csv) throws java.io.IOException {
        com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(csv);
        return rows.readAll();
    }

    @Test
    void aRowMustHaveACellPerColumn() {
        assertThatThrownBy(() -> CsvTables.write(List.of("a", "b"), List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a row has 1 cells for 2 columns");
        assertThat(CsvTables.write(List.of("a"), List.of())).isEqualTo("a\n");
    }
}
