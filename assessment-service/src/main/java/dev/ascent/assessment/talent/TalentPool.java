package dev.ascent.assessment.talent;

import dev.ascent.assessment.readiness.ReadinessCalculator;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who is ready for each level now and who is emerging, over the caller's scope (everyone for an
 * admin, everyone below them in the line for others).
 *
 * @param evidenceAvailable whether evidence-service answered; without it readiness is ratings-only and
 *                          nobody is ready now
 * @param levels            each target level someone in scope targets, in ladder order
 */
public record TalentPool(LocalDate asOf, int frameworkVersion, boolean evidenceAvailable, int people,
                         List<Level> levels) {

    /**
     * @param people          everyone in scope targeting this level (ready, emerging or not ready)
     * @param opinionOnly     calibration signals of everyone targeting it, not only the two lists
     * @param underRecognised likewise
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TalentPoolLevel")
    public record Level(String targetLevel, int people, int readyNowCount, int emergingCount, int opinionOnly,
                        int underRecognised, List<Candidate> readyNow, List<Candidate> emerging) {
    }

    /**
     * @param trend      readiness change in points over the last 90 days; null without an earlier snapshot
     * @param projection months to READY at the pace of the last 180 days ({@link ReadinessProjection})
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TalentPoolCandidate")
    public record Candidate(UUID personId, String name, String level, String targetLevel, int readinessPercent,
                            ReadinessCalculator.Status status, Integer trend,
                            ReadinessProjection.Projection projection, int opinionOnly, int underRecognised) {
    }
}
