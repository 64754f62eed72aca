package dev.ascent.gateway.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The parts of the services' bulk answers that reports read (docs/service-contracts.md). */
final class ServiceViews {

    private ServiceViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Team(UUID managerId, List<Member> people) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(UUID id, String name, String email, String level, String targetLevel, UUID managerId, int depth) {
    }

    record PeopleRequest(List<UUID> personIds) {
    }

    /** The CSV asks for totals per competency only; the JSON report also wants each person's pairs. */
    record ReadinessRequest(List<UUID> personIds, boolean includeCompetencies) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BulkReadiness(List<Readiness> people, List<CompetencyTotal> competencyTotals) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Readiness(UUID personId, String targetLevel, Integer readinessPercent, String status, List<String> topGaps,
                     Instant lastAssessmentAt, Map<String, TeamReport.Cell> competencies,
                     List<TeamReport.Signal> signals) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompetencyTotal(String competency, int rated, double ratingSum, int expectedOf, double expectedSum) {
    }

    record Window(UUID personId, LocalDate since) {
    }

    record CountsRequest(List<Window> windows) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Counts(List<Count> counts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Count(UUID personId, String kind, String competency, int count) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BulkPlans(List<PlanStatus> people) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanStatus(UUID personId, UUID planId, String status, Integer progressPercent) {
    }
}
