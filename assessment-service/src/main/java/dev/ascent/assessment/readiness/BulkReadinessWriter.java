package dev.ascent.assessment.readiness;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Writes bulk readiness as its records describe, field by field on a streaming generator: for a
 * 10,000-person team report the answer is about 8 MB, and object mapping spent most of this call's
 * time finding and calling the records' accessors. {@code BulkReadinessWriterTest} holds it to exactly
 * what the object mapper writes, so the records stay the one description of the answer (and of its
 * OpenAPI schema).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class BulkReadinessWriter implements MessageBodyWriter<ReadinessDtos.BulkResponse> {

    private final ObjectMapper json;

    public BulkReadinessWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ReadinessDtos.BulkResponse.class;
    }

    @Override
    public void writeTo(ReadinessDtos.BulkResponse answer, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        write(answer, json, out);
    }

    static void write(ReadinessDtos.BulkResponse answer, ObjectMapper json, OutputStream out) throws IOException {
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
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
    }

    /** The totals as an array of their records' objects; both layouts of bulk readiness write them so. */
    static void totals(JsonGenerator g, List<ReadinessDtos.CompetencyTotal> totals) throws IOException {
        g.writeStartArray();
        for (ReadinessDtos.CompetencyTotal total : totals) {
            g.writeStartObject();
            text(g, "competency", total.competency());
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
        text(g, "personId", p.personId() == null ? null : p.personId().toString());
        text(g, "level", p.level());
        text(g, "targetLevel", p.targetLevel());
        g.writeFieldName("readinessPercent");
        if (p.readinessPercent() == null) {
            g.writeNull();
        } else {
            g.writeNumber(p.readinessPercent().intValue());
        }
        text(g, "status", p.status() == null ? null : p.status().name());
        g.writeFieldName("topGaps");
        if (p.topGaps() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (String gap : p.topGaps()) {
                if (gap == null) {
                    g.writeNull();
                } else {
                    g.writeString(gap);
                }
            }
            g.writeEndArray();
        }
        text(g, "lastAssessmentAt", p.lastAssessmentAt() == null ? null : p.lastAssessmentAt().toString());
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
        text(g, "unavailableReason", p.unavailableReason());
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
            text(g, "competency", signal.competency());
            text(g, "signal", signal.signal() == null ? null : signal.signal().name());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }
}
