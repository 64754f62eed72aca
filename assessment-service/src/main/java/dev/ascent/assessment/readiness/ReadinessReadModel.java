package dev.ascent.assessment.readiness;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ascent.assessment.organisation.FounderLed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Team readiness as a read model: each person's last computed figures, kept with the inputs they
 * were computed from. A figure is reused only while every input is unchanged: the day (evidence
 * ages), the framework version, the person's level and target, their founder-led setting, the
 * version of their ratings (V7) and of their evidence strength (evidence-service's V8). Both
 * versions are kept by database triggers, so no write can leave a figure stale, and they are read
 * before the data they stand for, so a change racing a computation only makes the next read compute
 * again. Figures are kept compactly (arrays, not maps): 10,000 people take a few megabytes.
 */
final class ReadinessReadModel {

    /** Everything a person's bulk readiness depends on. */
    record Inputs(LocalDate day, int frameworkVersion, String level, String targetLevel, FounderLed founderLed,
                  long inputsVersion, long evidenceVersion) {
    }

    /**
     * One person's figures. {@code ratings[i]} is the effective rating of {@code competencies[i]},
     * NaN while nobody but the person rated it.
     */
    record Figures(Inputs inputs, int readinessPercent, ReadinessCalculator.Status status, List<String> topGaps,
                   Instant lastAssessmentAt, String[] competencies, int[] expected, double[] ratings,
                   List<ReadinessDtos.Signal> signals) {

        static Figures of(Inputs inputs, ReadinessCalculator.Result result, List<String> topGaps, Instant lastAssessmentAt) {
            int n = result.competencies().size();
            String[] codes = new String[n];
            int[] expected = new int[n];
            double[] ratings = new double[n];
            List<ReadinessDtos.Signal> signals = new ArrayList<>(0);
            for (int i = 0; i < n; i++) {
                ReadinessCalculator.CompetencyResult c = result.competencies().get(i);
                codes[i] = c.competency();
                expected[i] = c.expected();
                ratings[i] = c.effectiveRating() == null ? Double.NaN : c.effectiveRating();
                if (c.signal() != null) {
                    signals.add(new ReadinessDtos.Signal(c.competency(), c.signal()));
                }
            }
            return new Figures(inputs, result.readinessPercent(), result.status(), topGaps, lastAssessmentAt, codes,
                    expected, ratings, List.copyOf(signals));
        }

        Double rating(int i) {
            return Double.isNaN(ratings[i]) ? null : ratings[i];
        }
    }

    private final Cache<UUID, Figures> figures;

    ReadinessReadModel(long maximumPeople) {
        this.figures = Caffeine.newBuilder().maximumSize(maximumPeople).build();
    }

    /** The person's figures if they were computed from exactly these inputs; else null. */
    Figures current(UUID personId, Inputs inputs) {
        Figures known = figures.getIfPresent(personId);
        return known != null && known.inputs().equals(inputs) ? known : null;
    }

    void remember(UUID personId, Figures computed) {
        figures.put(personId, computed);
    }
}
