package dev.ascent.gateway.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A manager's team report: one row per person and the team's readiness distribution and
 * competency heatmap. Columns a service could not supply are {@code null} and named in
 * {@code unavailable}, so a partial report is never mistaken for a complete one.
 * {@code evidenceLast90Days} counts confirmed or verified evidence dated in the last 90 days, per
 * competency it backs. {@code competencies} (JSON only, else null) holds each competency of the
 * person's target level: what it expects and the person's effective rating, the heatmap's cells.
 * {@code signals} are the person's calibration signals from assessment-service (a competency whose
 * rating the evidence contradicts: {@code OPINION_ONLY} or {@code UNDER_RECOGNISED}), empty when none.
 */
public record TeamReport(UUID managerId, boolean allLevels, LocalDate generatedOn, int size,
                         List<String> unavailable, List<Row> people, Map<String, Integer> readinessDistribution,
                         List<HeatmapCell> heatmap) {

    public record Row(UUID personId, String name, String email, UUID managerId, int depth, String level,
                      String targetLevel, Integer readinessPercent, String readinessStatus, List<String> topGaps,
                      Map<String, Integer> evidenceLast90Days, String planStatus, Integer planProgressPercent,
                      Instant lastAssessmentAt, Map<String, Cell> competencies, List<Signal> signals) {
    }

    /** @param signal {@code OPINION_ONLY} or {@code UNDER_RECOGNISED} */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TeamReportSignal")
    public record Signal(String competency, String signal) {
    }

    /** @param rating the effective rating, null while nobody has rated it */
    public record Cell(int expected, Double rating) {
    }

    /**
     * @param teamAverage     mean effective rating of the people rated in this competency
     * @param expectedAverage mean expectation of each person's target level
     */
    public record HeatmapCell(String competency, Double teamAverage, double expectedAverage, Double gap, int rated,
                              int expectedOf) {
    }
}
