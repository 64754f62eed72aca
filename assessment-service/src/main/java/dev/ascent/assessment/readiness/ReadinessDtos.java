package dev.ascent.assessment.readiness;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ascent.assessment.framework.FrameworkDocument;
import dev.ascent.assessment.people.PersonResponse;
import dev.ascent.kit.answers.IncompleteAnswer;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Answers of the readiness API (docs/service-contracts.md). */
public final class ReadinessDtos {

    private ReadinessDtos() {
    }

    /**
     * A person's profile and their readiness for their own target, for the gateway's overview.
     *
     * @param readiness            {@code null} when it cannot be computed for the person's own target
     * @param readinessUnavailable why, when {@code readiness} is {@code null} (a person at the top of the ladder)
     */
    public record PersonWithReadiness(PersonResponse person, Readiness readiness,
                                      String readinessUnavailable) implements IncompleteAnswer {
        @Override
        @JsonIgnore
        public boolean incomplete() {
            return readiness != null && readiness.incomplete();
        }
    }

    /** @param targetFocus the focus the target level's tier adds to the pyramid (plans weigh its gaps most) */
    public record Readiness(UUID personId, String currentLevel, String currentTier, String targetLevel,
                            String targetTier, FrameworkDocument.Focus targetFocus, int frameworkVersion, boolean founderLed, boolean evidenceAvailable,
                            Instant computedAt, int readinessPercent, ReadinessCalculator.Status status,
                            List<ReadinessCalculator.CompetencyResult> competencies,
                            ReadinessCalculator.Leadership leadership,
                            ReadinessCalculator.CredibilityGate credibilityGate) implements IncompleteAnswer {
        /** Computed without evidence (evidence-service unreachable): true of this moment only. */
        @Override
        @JsonIgnore
        public boolean incomplete() {
            return !evidenceAvailable;
        }
    }

    /**
     * @param includeCompetencies whether each person's {@code competencies} pairs are wanted (default
     *                            true); a team report needs only the totals, and for 10,000 people the
     *                            pairs were most of a 7 MB answer
     */
    public record BulkRequest(@NotNull @NotEmpty @Size(max = 10_000) List<@NotNull UUID> personIds,
                              Boolean includeCompetencies) {

        public boolean competenciesWanted() {
            return includeCompetencies == null || includeCompetencies;
        }
    }

    /**
     * One competency over everyone answered: how many people have an effective rating and their sum,
     * how many people's target level expects it and the sum of expectations. Sums rather than means,
     * so answers for several groups of people can be combined.
     */
    public record CompetencyTotal(String competency, int rated, double ratingSum, int expectedOf, double expectedSum) {
    }

    /**
     * @param competencies per expected competency of the target level: {@code [expected, effectiveRating]}
     *                     (the rating {@code null} when nobody but the person rated it); {@code null}
     *                     when the request did not want them
     * @param signals      the person's calibration signals, in the target's competency order (always
     *                     present, empty when none or when evidence was unavailable)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PersonSummary(UUID personId, String level, String targetLevel, Integer readinessPercent,
                                ReadinessCalculator.Status status, List<String> topGaps, Instant lastAssessmentAt,
                                java.util.Map<String, Double[]> competencies, String unavailableReason,
                                List<Signal> signals) {
    }

    /** A competency whose rating and evidence disagree (ReadinessCalculator's class comment). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReadinessSignal")
    public record Signal(String competency, ReadinessCalculator.CalibrationSignal signal) {
    }

    public record BulkResponse(int frameworkVersion, boolean evidenceAvailable, List<PersonSummary> people,
                               List<CompetencyTotal> competencyTotals) {
    }

    /** Readiness on one day, as the day's last computation left it. */
    public record HistoryPoint(LocalDate date, int readinessPercent, ReadinessCalculator.Status status,
                               String targetLevel, int frameworkVersion) {
    }

    /**
     * @param from first day (ISO date, inclusive); default a year before {@code to}
     * @param to   last day (ISO date, inclusive); default today
     */
    public record HistoryBulkRequest(@NotNull @NotEmpty @Size(max = 1000) List<@NotNull UUID> personIds,
                                     String from, String to) {
    }

    public record PersonHistory(UUID personId, List<HistoryPoint> points) {
    }

    public record HistoryBulkResponse(LocalDate from, LocalDate to, List<PersonHistory> people) {
    }
}
