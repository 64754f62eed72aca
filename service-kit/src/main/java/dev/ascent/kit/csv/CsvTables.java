package dev.ascent.kit.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way Ascent writes CSV (the gateway's team reports, assessment-service's talent pool):
 * RFC 4180 (a header row, cells quoted where the format needs it by Jackson's CSV writer), meant to
 * be served as UTF-8.
 *
 * <p>Cells are either numbers or text. Numbers ({@link Number}s: counts, percentages, averages,
 * gaps, which the caller computes itself) are written as they are, a negative one included. Every
 * other cell is text, whoever wrote it (names, emails, levels, competency codes, dates), and is
 * neutralised against formula injection (OWASP "CSV Injection"): text that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a single quote in front, so a
 * spreadsheet shows it instead of evaluating it. {@code null} is an empty cell.
 */
public final class CsvTables {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvTables() {
    }

    /** The table as CSV text: {@code columns} as the header, then each row, its cells in column order. */
    public static String write(List<String> columns, List<? extends List<?>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (List<?> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
            List<Object> out = new ArrayList<>(row.size());
            for (Object cell : row) {
                out.add(cell(cell));
            }
            cells.add(out);
        }
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text that a spreadsheet would take for a formula, made inert with a leading {@code '}; other text as it is. */
    public static String neutralise(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Numbers as they are, text neutralised; {@code null} stays null, which the writer leaves an empty cell. */
    private static Object cell(Object value) {
        return value == null || value instanceof Number ? value : neutralise(value.toString());
    }
}
