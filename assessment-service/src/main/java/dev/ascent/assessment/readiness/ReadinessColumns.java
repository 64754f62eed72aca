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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk readiness in the compact layout the gateway's team reports read (docs/service-contracts.md
 * "Readiness columns"; not part of the public API). The figures are those of
 * {@link ReadinessDtos.BulkResponse}; only the layout differs. Competency codes are written once, in
 * {@code codes}, and each person is an array that names them by position:
 * <pre>
 * [personId, targetLevel, readinessPercent, status, lastAssessmentAt,
 *  [gap, ...], [competency, expected, rating, ...] or null, [competency, signal, ...]]
 * </pre>
 * For 10,000 people that is about 2 MB where the public layout (a map of pairs per person, each
 * code spelt out) is 10 MB, and writing and reading those 10 MB was most of a report's time in
 * this service and in the gateway.
 */
public record ReadinessColumns(ReadinessDtos.BulkResponse answer) {

    @Provider
    @Produces(MediaType.APPLICATION_JSON)
    public static class Writer implements MessageBodyWriter<ReadinessColumns> {

        private final ObjectMapper json;

        public Writer(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == ReadinessColumns.class;
        }

        @Override
        public void writeTo(ReadinessColumns columns, Class<?> type, Type genericType, Annotation[] annotations,
                            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
                throws IOException {
            write(columns.answer(), json, out);
        }
    }

    static void write(ReadinessDtos.BulkResponse answer, ObjectMapper json, OutputStream out) throws IOException {
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (ReadinessDtos.PersonSummary person : answer.people()) {
            if (person.competencies() != null) {
                person.competencies().keySet().forEach(code -> codes.putIfAbsent(code, codes.size()));
            }
            if (person.topGaps() != null) {
                person.topGaps().forEach(code -> codes.putIfAbsent(code, codes.size()));
            }
            if (person.signals() != null) {
                person.signals().forEach(s -> codes.putIfAbsent(s.competency(), codes.size()));
            }
        }
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("frameworkVersion", answer.frameworkVersion());
            g.writeBooleanField("evidenceAvailable", answer.evidenceAvailable());
            g.writeArrayFieldStart("codes");
            for (String code : codes.keySet()) {
                g.writeString(code);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("people");
            for (ReadinessDtos.PersonSummary person : answer.people()) {
                person(g, person, codes);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("competencyTotals");
            for (ReadinessDtos.CompetencyTotal total : answer.competencyTotals()) {
                g.writeStartObject();
                g.writeStringField("competency", total.competency());
                g.writeNumberField("rated", total.rated());
                g.writeNumberField("ratingSum", total.ratingSum());
                g.writeNumberField("expectedOf", total.expectedOf());
                g.writeNumberField("expectedSum", total.expectedSum());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void person(JsonGenerator g, ReadinessDtos.PersonSummary p, Map<String, Integer> codes)
            throws IOException {
        g.writeStartArray();
        g.writeString(p.personId().toString());
        text(g, p.targetLevel());
        if (p.readinessPercent() == null) {
            g.writeNull();
        } else {
            g.writeNumber(p.readinessPercent().intValue());
        }
        text(g, p.status() == null ? null : p.status().name());
        text(g, p.lastAssessmentAt() == null ? null : p.lastAssessmentAt().toString());
        g.writeStartArray();
        for (String gap : p.topGaps() == null ? List.<String>of() : p.topGaps()) {
            g.writeNumber(codes.get(gap));
        }
        g.writeEndArray();
        if (p.competencies() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (Map.Entry<String, Double[]> pair : p.competencies().entrySet()) {
                g.writeNumber(codes.get(pair.getKey()));
                g.writeNumber(pair.getValue()[0].intValue());
                if (pair.getValue()[1] == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(pair.getValue()[1].doubleValue());
                }
            }
            g.writeEndArray();
        }
        g.writeStartArray();
        for (ReadinessDtos.Signal signal : p.signals() == null ? List.<ReadinessDtos.Signal>of() : p.signals()) {
            g.writeNumber(codes.get(signal.competency()));
            g.writeString(signal.signal().name());
        }
        g.writeEndArray();
        g.writeEndArray();
    }

    private static void text(JsonGenerator g, String value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }
}
