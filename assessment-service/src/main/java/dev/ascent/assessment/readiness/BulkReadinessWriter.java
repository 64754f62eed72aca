package dev.ascent.assessment.readiness;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.kit.json.StreamedJsonWriter;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import static dev.ascent.kit.json.JsonFields.integer;
import static dev.ascent.kit.json.JsonFields.string;
import static dev.ascent.kit.json.JsonFields.strings;

/**
 * Writes bulk readiness as its records describe, field by field on a streaming generator: for a
 * 10,000-person team report the answer is about 8 MB, and object mapping spent most of this call's
 * time finding and calling the records' accessors. {@code BulkReadinessWriterTest} holds it to exactly
 * what the object mapper writes, so the records stay the one description of the answer (and of its
 * OpenAPI schema).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class BulkReadinessWriter extends StreamedJsonWriter<ReadinessDtos.BulkResponse> {

    public BulkReadinessWriter(ObjectMapper json) {
        super(ReadinessDtos.BulkResponse.class, json);
    }

    static void write(ReadinessDtos.BulkResponse answer, ObjectMapper json, OutputStream out) throws IOException {
        new BulkReadinessWriter(json).write(answer, out);
    }

    @Override
    protected void write(ReadinessDtos.BulkResponse answer, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("frameworkVersion", answer.frameworkVersion());
        g.writeBooleanField("evidenceAvailable", answer.evidenceAvailable());
        g.writeFieldName("people");
        if (answer.people() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (ReadinessDtos.PersonSummary person : answer.people()) {
                person(g, person);
            }
            g.writeEndArray();
        }
        g.writeFieldName("competencyTotals");
        if (answer.competencyTotals() == null) {
            g.writeNull();
        } else {
            totals(g, answer.competencyTotals());
        }
        g.writeEndObject();
    }

    /** The totals as an array of their records' objects; both layouts of bulk readiness write them so. */
    static void totals(JsonGenerator g, List<ReadinessDtos.CompetencyTotal> totals) throws IOException {
        g.writeStartArray();
        for (ReadinessDtos.CompetencyTotal total : totals) {
            g.writeStartObject();
            string(g, "competency", total.competency());
            g.writeNumberField("rated", total.rated());
            g.writeNumberField("ratingSum", total.ratingSum());
            g.writeNumberField("expectedOf", total.expectedOf());
            g.writeNumberField("expectedSum", total.expectedSum());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void person(JsonGenerator g, ReadinessDtos.PersonSummary p) throws IOException {
        g.writeStartObject();
        string(g, "personId", p.personId() == null ? null : p.personId().toString());
        string(g, "level", p.level());
        string(g, "targetLevel", p.targetLevel());
        integer(g, "readinessPercent", p.readinessPercent());
        string(g, "status", p.status() == null ? null : p.status().name());
        strings(g, "topGaps", p.topGaps());
        string(g, "lastAssessmentAt", p.lastAssessmentAt() == null ? null : p.lastAssessmentAt().toString());
        g.writeFieldName("competencies");
        if (p.competencies() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            for (Map.Entry<String, Double[]> pair : p.competencies().entrySet()) {
                g.writeFieldName(pair.getKey());
                if (pair.getValue() == null) {
                    g.writeNull();
                    continue;
                }
                g.writeStartArray();
                for (Double value : pair.getValue()) {
                    if (value == null) {
                        g.writeNull();
                    } else {
                        g.writeNumber(value.doubleValue());
                    }
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        string(g, "unavailableReason", p.unavailableReason());
        signals(g, p.signals());
        g.writeEndObject();
    }

    private static void signals(JsonGenerator g, List<ReadinessDtos.Signal> signals) throws IOException {
        g.writeFieldName("signals");
        if (signals == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (ReadinessDtos.Signal signal : signals) {
            g.writeStartObject();
            string(g, "competency", signal.competency());
            string(g, "signal", signal.signal() == null ? null : signal.signal().name());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
