package dev.ascent.assessment.readiness;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ascent.kit.json.JsonFields.string;

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
public record ReadinessColumns(ReadinessService.BulkFigures figures, boolean includeCompetencies) {

    @Provider
    @Produces(MediaType.APPLICATION_JSON)
    public static class Writer implements MessageBodyWriter<ReadinessColumns> {

        private final ObjectMapper json;
        private final Fragments fragments;

        public Writer(ObjectMapper json, Fragments fragments) {
            this.json = json;
            this.fragments = fragments;
        }

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == ReadinessColumns.class;
        }

        @Override
        public void writeTo(ReadinessColumns columns, Class<?> type, Type genericType, Annotation[] annotations,
                            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
                throws IOException {
            columns.write(json, fragments, out);
        }
    }

    /**
     * Each person's array as last written (with competencies), kept beside the figures it was written
     * from: while the read model answers the same figures, a report copies the person's bytes instead of
     * writing 10,000 people field by field, which was a third of this service's time per report. A
     * fragment is reused only for the same figures object: the read model replaces figures, never
     * changes them, and the figures name their framework version, whose codes (and so the positions the
     * fragment names them by) a published version never changes.
     */
    @ApplicationScoped
    public static class Fragments {

        record Fragment(ReadinessReadModel.Figures figures, SerializedString json) {
        }

        private final Cache<UUID, Fragment> written = Caffeine.newBuilder().maximumSize(50_000).build();

        SerializedString get(UUID id, ReadinessReadModel.Figures figures) {
            Fragment known = written.getIfPresent(id);
            return known != null && known.figures() == figures ? known.json() : null;
        }

        void put(UUID id, ReadinessReadModel.Figures figures, SerializedString json) {
            written.put(id, new Fragment(figures, json));
        }
    }

    void write(ObjectMapper json, Fragments fragments, OutputStream out) throws IOException {
        // The framework's codes first, in its order, so that a person's positions do not depend on who
        // else is in the answer; any other code a figure names (none today) follows them.
        Map<String, Integer> codes = new LinkedHashMap<>();
        figures.frameworkCodes().forEach(code -> codes.putIfAbsent(code, codes.size()));
        int frameworkCodes = codes.size();
        List<UUID> ids = figures.ids();
        boolean reuse = includeCompetencies;
        // A person whose array is kept names only the framework's codes; the others are looked through.
        SerializedString[] kept = new SerializedString[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            ReadinessReadModel.Figures f = figures.figures().get(ids.get(i));
            if (f == null) {
                continue;
            }
            kept[i] = reuse ? fragments.get(ids.get(i), f) : null;
            if (kept[i] == null) {
                for (String code : f.competencies()) {
                    codes.putIfAbsent(code, codes.size());
                }
                f.topGaps().forEach(code -> codes.putIfAbsent(code, codes.size()));
                f.signals().forEach(signal -> codes.putIfAbsent(signal.competency(), codes.size()));
            }
        }
        // Arrays are kept only from answers whose codes are the framework's alone.
        boolean keep = reuse && codes.size() == frameworkCodes;
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("frameworkVersion", figures.frameworkVersion());
            g.writeBooleanField("evidenceAvailable", figures.evidenceAvailable());
            g.writeArrayFieldStart("codes");
            for (String code : codes.keySet()) {
                g.writeString(code);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("people");
            for (int i = 0; i < ids.size(); i++) {
                UUID id = ids.get(i);
                ReadinessReadModel.Figures f = figures.figures().get(id);
                if (kept[i] != null) {
                    g.writeRawValue(kept[i]);
                } else if (keep && f != null) {
                    SerializedString written = new SerializedString(fragment(json, id, codes));
                    written.asUnquotedUTF8(); // encoded once, here, rather than on its first reuse
                    fragments.put(id, f, written);
                    g.writeRawValue(written);
                } else {
                    person(g, id, codes);
                }
            }
            g.writeEndArray();
            g.writeFieldName("competencyTotals");
            BulkReadinessWriter.totals(g, figures.competencyTotals());
            g.writeEndObject();
        }
    }

    /** One person's array on its own, exactly as {@link #person} writes it into the answer. */
    private String fragment(ObjectMapper json, UUID id, Map<String, Integer> codes) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter(512);
        try (JsonGenerator g = json.getFactory().createGenerator(text)) {
            person(g, id, codes);
        }
        return text.toString();
    }

    private void person(JsonGenerator g, UUID id, Map<String, Integer> codes) throws IOException {
        ReadinessReadModel.Figures f = figures.figures().get(id);
        g.writeStartArray();
        g.writeString(id.toString());
        if (f == null) {
            // Nobody with this id, or nobody above their level to be ready for: the date of their last
            // assessment, if any, is all there is (the public layout's empty competencies, empty lists).
            Instant at = figures.found().containsKey(id) ? figures.atTheTopLastAssessed().get(id) : null;
            g.writeNull();
            g.writeNull();
            g.writeNull();
            string(g, at == null ? null : at.toString());
            g.writeStartArray();
            g.writeEndArray();
            g.writeStartArray();
            g.writeEndArray();
            g.writeStartArray();
            g.writeEndArray();
            g.writeEndArray();
            return;
        }
        g.writeString(f.inputs().targetLevel());
        g.writeNumber(f.readinessPercent());
        g.writeString(f.status().name());
        string(g, f.lastAssessmentAt() == null ? null : f.lastAssessmentAt().toString());
        g.writeStartArray();
        for (String gap : f.topGaps()) {
            g.writeNumber(codes.get(gap));
        }
        g.writeEndArray();
        if (includeCompetencies) {
            g.writeStartArray();
            for (int i = 0; i < f.competencies().length; i++) {
                g.writeNumber(codes.get(f.competencies()[i]));
                g.writeNumber(f.expected()[i]);
                if (Double.isNaN(f.ratings()[i])) {
                    g.writeNull();
                } else {
                    g.writeNumber(f.ratings()[i]);
                }
            }
            g.writeEndArray();
        } else {
            g.writeNull();
        }
        g.writeStartArray();
        for (ReadinessDtos.Signal signal : f.signals()) {
            g.writeNumber(codes.get(signal.competency()));
            g.writeString(signal.signal().name());
        }
        g.writeEndArray();
        g.writeEndArray();
    }
}
