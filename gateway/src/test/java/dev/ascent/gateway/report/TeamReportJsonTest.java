package dev.ascent.gateway.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming writer answers exactly what object mapping of the record answers (the OpenAPI schema's source). */
class TeamReportJsonTest {

    /** As Quarkus configures it: dates as ISO text. */
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void writesWhatObjectMappingWrites() throws Exception {
        Map<String, TeamReport.Cell> cells = new LinkedHashMap<>();
        cells.put("customer-insight", new TeamReport.Cell(3, 2.5));
        cells.put("delivery", new TeamReport.Cell(2, null));
        cells.put("odd \"code\"\n", null);
        Map<String, Integer> evidence = new LinkedHashMap<>();
        evidence.put("delivery", 4);
        evidence.put("nulled", null);
        TeamReport.Row full = new TeamReport.Row(UUID.randomUUID(), "Zoë \"Z\" O'Neil\u2028", "zoe@example.org",
                UUID.randomUUID(), 2, "PM", "SENIOR_PM", 64, "EMERGING", Arrays.asList("delivery", null),
                evidence, "ACTIVE", 40, Instant.parse("2026-11-30T10:15:30.123456Z"), cells,
                List.of(new TeamReport.Signal("delivery", "OPINION_ONLY")));
        TeamReport.Row empty = new TeamReport.Row(null, null, null, null, 0, null, null, null, null, null, null, null,
                null, null, null, null);
        TeamReport.Row blank = new TeamReport.Row(UUID.randomUUID(), "", "", null, 1, "APM", "PM", 0, "NOT_READY",
                List.of(), Map.of(), null, null, Instant.EPOCH, Map.of(), List.of());
        List<TeamReport.Row> rows = new ArrayList<>(List.of(full, empty, blank));
        Map<String, Integer> distribution = new LinkedHashMap<>();
        distribution.put("NOT_READY", 1);
        distribution.put("READY", 0);
        TeamReport report = new TeamReport(UUID.randomUUID(), true, LocalDate.of(2026, 12, 1), rows.size(),
                List.of("planStatus", "planProgressPercent"), rows, distribution,
                List.of(new TeamReport.HeatmapCell("delivery", 2.3, 2.5, 0.2, 7, 9),
                        new TeamReport.HeatmapCell("vision", null, 1.0, null, 0, 3),
                        new TeamReport.HeatmapCell("tiny", 1e-7, 1e21, -0.1, 1, 1)));

        assertThat(streamed(report)).isEqualTo(mapper.writeValueAsString(report));
    }

    @Test
    void writesCompetencyCellsAsObjectMappingWritesTheirMap() throws Exception {
        List<String> codes = List.of("delivery", "odd \"code\"\n\\", "zoë", "vision");
        double[] ratings = {Double.NaN, 0, 1, 4, 5, 10, 11, 2.5, 3.3333333333333335, 1e-7, -0.0, -1, 1e21,
                Double.POSITIVE_INFINITY};
        List<TeamReport.Row> rows = new ArrayList<>();
        java.util.Random random = new java.util.Random(18);
        for (int person = 0; person < 200; person++) {
            CompetencyCells.Builder cells = new CompetencyCells.Builder(codes);
            int count = person % 7;
            for (int i = 0; i < count; i++) {
                double rating = ratings[random.nextInt(ratings.length)];
                // Expectations past the pre-encoded ones (0-9) and a competency named twice now and then.
                cells.put(random.nextInt(codes.size()), random.nextInt(13) - 1, Double.isNaN(rating) ? null : rating);
            }
            rows.add(new TeamReport.Row(UUID.randomUUID(), "P" + person, "p" + person + "@example.org", null, 1,
                    "PM", "SENIOR_PM", 50, "EMERGING", List.of(), Map.of(), null, null, null, cells.build(), List.of()));
        }
        TeamReport report = new TeamReport(UUID.randomUUID(), true, LocalDate.of(2026, 12, 2), rows.size(), List.of(),
                rows, Map.of(), List.of());

        String streamed = streamed(report);
        assertThat(streamed).isEqualTo(mapper.writeValueAsString(report));
        assertThat(streamed).as("the cases reach the pre-encoded cells").contains("{\"expected\":4,\"rating\":10.0}")
                .contains("\"rating\":null}").contains("\"rating\":3.3333333333333335}");
    }

    @Test
    void writesNullCollectionsAsObjectMappingDoes() throws Exception {
        TeamReport report = new TeamReport(UUID.randomUUID(), false, LocalDate.of(2026, 1, 31), 0, List.of(),
                List.of(), null, null);

        assertThat(streamed(report)).isEqualTo(mapper.writeValueAsString(report));
    }

    private String streamed(TeamReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TeamReportJson.write(report, mapper.getFactory(), out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
