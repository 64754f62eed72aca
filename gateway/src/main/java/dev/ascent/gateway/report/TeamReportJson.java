package dev.ascent.gateway.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.ascent.kit.json.JsonFields.decimal;
import static dev.ascent.kit.json.JsonFields.integer;
import static dev.ascent.kit.json.JsonFields.string;
import static dev.ascent.kit.json.JsonFields.strings;
import static dev.ascent.kit.json.JsonFields.uuid;

/**
 * Writes a {@link TeamReport} as the JSON its record describes, field by field on a streaming
 * generator. A 10,000-person report is about 15 MB; object mapping spent a third of the gateway's
 * time per report finding and calling each record's accessors. {@code TeamReportJsonTest} holds this
 * to exactly what the object mapper writes, so the record stays the one description of the answer.
 */
final class TeamReportJson {

    // Field names encoded once: a 10,000-person report writes about half a million of them.
    private static final SerializedString F_PERSON_ID = new SerializedString("personId");
    private static final SerializedString F_NAME = new SerializedString("name");
    private static final SerializedString F_EMAIL = new SerializedString("email");
    private static final SerializedString F_MANAGER_ID = new SerializedString("managerId");
    private static final SerializedString F_DEPTH = new SerializedString("depth");
    private static final SerializedString F_LEVEL = new SerializedString("level");
    private static final SerializedString F_TARGET_LEVEL = new SerializedString("targetLevel");
    private static final SerializedString F_READINESS_PERCENT = new SerializedString("readinessPercent");
    private static final SerializedString F_READINESS_STATUS = new SerializedString("readinessStatus");
    private static final SerializedString F_TOP_GAPS = new SerializedString("topGaps");
    private static final SerializedString F_EVIDENCE_LAST90_DAYS = new SerializedString("evidenceLast90Days");
    private static final SerializedString F_PLAN_STATUS = new SerializedString("planStatus");
    private static final SerializedString F_PLAN_PROGRESS_PERCENT = new SerializedString("planProgressPercent");
    private static final SerializedString F_LAST_ASSESSMENT_AT = new SerializedString("lastAssessmentAt");
    private static final SerializedString F_COMPETENCIES = new SerializedString("competencies");
    private static final SerializedString F_SIGNALS = new SerializedString("signals");
    private static final SerializedString F_EXPECTED = new SerializedString("expected");
    private static final SerializedString F_RATING = new SerializedString("rating");
    private static final SerializedString F_COMPETENCY = new SerializedString("competency");
    private static final SerializedString F_SIGNAL = new SerializedString("signal");

    private TeamReportJson() {
    }

    static void write(TeamReport report, JsonFactory factory, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("managerId", report.managerId().toString());
            g.writeBooleanField("allLevels", report.allLevels());
            g.writeStringField("generatedOn", report.generatedOn().toString());
            g.writeNumberField("size", report.size());
            strings(g, "unavailable", report.unavailable());
            g.writeArrayFieldStart("people");
            // Competency codes (the rows' map keys) encoded once per report: there are a few dozen.
            Map<String, SerializedString> keys = new HashMap<>();
            CellText cells = new CellText(factory);
            for (TeamReport.Row row : report.people()) {
                row(g, row, keys, cells);
            }
            g.writeEndArray();
            g.writeFieldName("readinessDistribution");
            if (report.readinessDistribution() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                for (Map.Entry<String, Integer> e : report.readinessDistribution().entrySet()) {
                    integer(g, e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeFieldName("heatmap");
            if (report.heatmap() == null) {
                g.writeNull();
            } else {
                g.writeStartArray();
                for (TeamReport.HeatmapCell cell : report.heatmap()) {
                    g.writeStartObject();
                    string(g, "competency", cell.competency());
                    decimal(g, "teamAverage", cell.teamAverage());
                    g.writeNumberField("expectedAverage", cell.expectedAverage());
                    decimal(g, "gap", cell.gap());
                    g.writeNumberField("rated", cell.rated());
                    g.writeNumberField("expectedOf", cell.expectedOf());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    private static void row(JsonGenerator g, TeamReport.Row row, Map<String, SerializedString> keys,
                            CellText cellText) throws IOException {
        g.writeStartObject();
        uuid(g, F_PERSON_ID, row.personId());
        string(g, F_NAME, row.name());
        string(g, F_EMAIL, row.email());
        uuid(g, F_MANAGER_ID, row.managerId());
        g.writeFieldName(F_DEPTH);
        g.writeNumber(row.depth());
        string(g, F_LEVEL, row.level());
        string(g, F_TARGET_LEVEL, row.targetLevel());
        integer(g, F_READINESS_PERCENT, row.readinessPercent());
        string(g, F_READINESS_STATUS, row.readinessStatus());
        strings(g, F_TOP_GAPS, row.topGaps());
        g.writeFieldName(F_EVIDENCE_LAST90_DAYS);
        if (row.evidenceLast90Days() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            for (Map.Entry<String, Integer> e : row.evidenceLast90Days().entrySet()) {
                integer(g, keys.computeIfAbsent(e.getKey(), SerializedString::new), e.getValue());
            }
            g.writeEndObject();
        }
        string(g, F_PLAN_STATUS, row.planStatus());
        integer(g, F_PLAN_PROGRESS_PERCENT, row.planProgressPercent());
        string(g, F_LAST_ASSESSMENT_AT, row.lastAssessmentAt() == null ? null : row.lastAssessmentAt().toString());
        g.writeFieldName(F_COMPETENCIES);
        if (row.competencies() == null) {
            g.writeNull();
        } else if (row.competencies() instanceof CompetencyCells cells && cellText.covers(cells)) {
            g.writeStartObject();
            cellText.write(g, cells);
            g.writeEndObject();
        } else {
            g.writeStartObject();
            for (Map.Entry<String, TeamReport.Cell> e : row.competencies().entrySet()) {
                g.writeFieldName(keys.computeIfAbsent(e.getKey(), SerializedString::new));
                if (e.getValue() == null) {
                    g.writeNull();
                } else {
                    g.writeStartObject();
                    g.writeFieldName(F_EXPECTED);
                    g.writeNumber(e.getValue().expected());
                    decimal(g, F_RATING, e.getValue().rating());
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
        }
        g.writeFieldName(F_SIGNALS);
        if (row.signals() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (TeamReport.Signal signal : row.signals()) {
                g.writeStartObject();
                string(g, F_COMPETENCY, signal.competency());
                string(g, F_SIGNAL, signal.signal());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /**
     * A person's competency cells as pre-encoded text: {@code "code":{"expected":3,"rating":} once per
     * competency and expectation, and the few ratings people give ({@code 4.0}) once each, so a cell is
     * two copies instead of seven generator calls; a 10,000-person report writes 160,000 cells, 8 of its
     * 15 MB. Only what the generator would write the same way is covered (expectations 0-9, finite
     * ratings); {@code TeamReportJsonTest} holds the text to object mapping.
     */
    private static final class CellText {

        private static final int MAX_EXPECTED = 9;
        private static final SerializedString COMMA = new SerializedString(",");
        private static final SerializedString NULL_END = new SerializedString("null}");
        private static final SerializedString[] WHOLE_RATINGS_END = new SerializedString[11];

        static {
            for (int r = 0; r < WHOLE_RATINGS_END.length; r++) {
                WHOLE_RATINGS_END[r] = new SerializedString(Double.toString(r) + "}");
            }
        }

        private final Map<String, SerializedString[]> prefixes = new HashMap<>();
        /** The report's own factory, so that a code is escaped as the report's generator escapes it. */
        private final JsonFactory quoting;

        CellText(JsonFactory quoting) {
            this.quoting = quoting;
        }

        boolean covers(CompetencyCells cells) {
            for (int i = 0; i < cells.size(); i++) {
                double rating = cells.rating(i);
                if (cells.expected(i) < 0 || cells.expected(i) > MAX_EXPECTED || Double.isInfinite(rating)) {
                    return false;
                }
            }
            return true;
        }

        /** Writes the cells' fields into an object the caller opened; the generator sees none of them. */
        void write(JsonGenerator g, CompetencyCells cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    g.writeRaw(COMMA);
                }
                g.writeRaw(prefix(cells.code(i), cells.expected(i)));
                double rating = cells.rating(i);
                if (Double.isNaN(rating)) {
                    g.writeRaw(NULL_END);
                } else if (rating >= 0 && rating < WHOLE_RATINGS_END.length && rating == Math.rint(rating)
                        && Double.doubleToRawLongBits(rating) != Double.doubleToRawLongBits(-0.0)) {
                    g.writeRaw(WHOLE_RATINGS_END[(int) rating]);
                } else {
                    g.writeRaw(Double.toString(rating) + "}");
                }
            }
        }

        private SerializedString prefix(String code, int expected) throws IOException {
            SerializedString[] byExpected = prefixes.get(code);
            if (byExpected == null) {
                byExpected = new SerializedString[MAX_EXPECTED + 1];
                prefixes.put(code, byExpected);
            }
            if (byExpected[expected] == null) {
                // The code quoted and escaped as the generator would write a field name.
                java.io.StringWriter name = new java.io.StringWriter();
                try (JsonGenerator text = quoting.createGenerator(name)) {
                    text.writeString(code);
                }
                byExpected[expected] = new SerializedString(name + ":{\"expected\":" + expected + ",\"rating\":");
            }
            return byExpected[expected];
        }
    }
}
