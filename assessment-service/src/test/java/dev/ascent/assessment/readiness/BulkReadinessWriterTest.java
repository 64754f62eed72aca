package dev.ascent.assessment.readiness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming writer answers exactly what object mapping of the records answers. */
class BulkReadinessWriterTest {

    /** As Quarkus configures it: dates as ISO text. */
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void writesWhatObjectMappingWrites() throws Exception {
        Map<String, Double[]> pairs = new LinkedHashMap<>();
        pairs.put("customer-insight", new Double[] {3.0, 2.5});
        pairs.put("delivery", new Double[] {2.0, null});
        pairs.put("odd \"code\"\u2028", null);
        pairs.put("tiny", new Double[] {1e-7, 1e21});
        List<ReadinessDtos.PersonSummary> people = List.of(
                new ReadinessDtos.PersonSummary(UUID.randomUUID(), "PM", "SENIOR_PM", 64,
                        ReadinessCalculator.Status.EMERGING, Arrays.asList("delivery", null),
                        Instant.parse("2026-11-30T10:15:30.123456Z"), pairs, null,
                        List.of(new ReadinessDtos.Signal("delivery", ReadinessCalculator.CalibrationSignal.OPINION_ONLY),
                                new ReadinessDtos.Signal("vision", null))),
                new ReadinessDtos.PersonSummary(UUID.randomUUID(), null, null, null, null, List.of(), null, Map.of(),
                        "no person has this id", List.of()),
                new ReadinessDtos.PersonSummary(null, "APM", null, 0, ReadinessCalculator.Status.NOT_READY, null,
                        Instant.EPOCH, null, "no target level above the current one", null));
        ReadinessDtos.BulkResponse answer = new ReadinessDtos.BulkResponse(7, true, people,
                List.of(new ReadinessDtos.CompetencyTotal("delivery", 2, 5.5, 3, 7.0),
                        new ReadinessDtos.CompetencyTotal("vision", 0, 0.0, 1, 2.25)));

        assertThat(streamed(answer)).isEqualTo(mapper.writeValueAsString(answer));
    }

    @Test
    void writesEmptyAndMissingListsAsObjectMappingDoes() throws Exception {
        for (ReadinessDtos.BulkResponse answer : List.of(new ReadinessDtos.BulkResponse(1, false, List.of(), List.of()),
                new ReadinessDtos.BulkResponse(0, false, null, null))) {
            assertThat(streamed(answer)).isEqualTo(mapper.writeValueAsString(answer));
        }
    }

    @Test
    void writesOnlyBulkReadiness() {
        BulkReadinessWriter writer = new BulkReadinessWriter(mapper);
        assertThat(writer.isWriteable(ReadinessDtos.BulkResponse.class, null, null, null)).isTrue();
        assertThat(writer.isWriteable(ReadinessDtos.Readiness.class, null, null, null)).isFalse();
        assertThat(writer.isWriteable(Object.class, null, null, null)).isFalse();
    }

    private String streamed(ReadinessDtos.BulkResponse answer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BulkReadinessWriter.write(answer, mapper, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
