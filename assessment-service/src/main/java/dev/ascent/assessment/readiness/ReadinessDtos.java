package dev.ascent.assessment.readiness;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Answers of the readiness API (docs/service-contracts.md). */
public final class ReadinessDtos {

    private ReadinessDtos() {
    }

    public record Readiness(UUID personId, String currentLevel, String currentTier, String targetLevel,
                            String targetTier, int frameworkVersion, boolean founderLed, boolean evidenceAvailable,
                            Instant computedAt, int readinessPercent, ReadinessCalculator.Status status,
                            List<ReadinessCalculator.CompetencyResult> competencies,
                            ReadinessCalculator.Leadership leadership,
                            ReadinessCalculator.CredibilityGate credibilityGate) {
    }

    public record BulkRequest(@NotNull @NotEmpty @Size(max = 10_000) List<@NotNull UUID> personIds) {
    }

    /**
     * @param competencies per expected competency of the target level: {@code [expected, effectiveRating]}
     *                     (the rating {@code null} when nobody but the person rated it), for heatmaps
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PersonSummary(UUID personId, String level, String targetLevel, Integer readinessPercent,
                                ReadinessCalculator.Status status, List<String> topGaps, Instant lastAssessmentAt,
                                java.util.Map<String, Double[]> competencies, String unavailableReason) {
    }

    public record BulkResponse(int frameworkVersion, boolean evidenceAvailable, List<PersonSummary> people) {
    }
}
