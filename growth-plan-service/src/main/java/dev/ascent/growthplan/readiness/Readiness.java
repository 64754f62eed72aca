package dev.ascent.growthplan.readiness;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * What assessment-service says about one person's readiness for a target level: the fields plan
 * generation needs (the full answer is kept as the plan's snapshot).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Readiness(
        UUID personId,
        String currentLevel,
        String currentTier,
        String targetLevel,
        String targetTier,
        String targetFocus,
        Integer frameworkVersion,
        boolean founderLed,
        boolean evidenceAvailable,
        Integer readinessPercent,
        String status,
        List<Competency> competencies,
        CredibilityGate credibilityGate) {

    /** The credibility competencies still missing when credibility comes before strategy; else none. */
    public List<String> credibilityMissing() {
        return founderLed && credibilityGate != null && credibilityGate.applies() && credibilityGate.missing() != null
                ? credibilityGate.missing() : List.of();
    }

    /** Credibility before strategy as readiness judged it (founder-led and a strategy-heavy target). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CredibilityGate(boolean applies, boolean met, List<String> missing) {
    }

    /** One competency's expectation at the target level and how far the person is from it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Competency(
            String competency,
            String name,
            String focus,
            Integer expected,
            Double effectiveRating,
            Double ratingGap,
            Double evidenceGap,
            String verdict) {
    }
}
