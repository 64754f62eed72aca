package dev.ascent.assessment.readiness;

import dev.ascent.assessment.organisation.FounderLed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessReadModelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final FounderLed NOT_FOUNDER_LED = new FounderLed(false, FounderLed.DecidedBy.ORGANISATION);

    private static ReadinessReadModel.Inputs inputs(long ratingsVersion, long evidenceVersion) {
        return new ReadinessReadModel.Inputs(TODAY, 3, "PM", "SENIOR_PM", NOT_FOUNDER_LED, ratingsVersion, evidenceVersion);
    }

    private static ReadinessCalculator.CompetencyResult competency(String code, int expected, Double rating,
                                                                   ReadinessCalculator.CalibrationSignal signal) {
        return new ReadinessCalculator.CompetencyResult(code, code, "MARKET", expected, 2, null, null, null, null, rating,
                0, null, null, ReadinessCalculator.Verdict.RATING_GAP, List.of(), signal);
    }

    private static ReadinessReadModel.Figures figures(ReadinessReadModel.Inputs inputs, int percent) {
        ReadinessCalculator.Result result = new ReadinessCalculator.Result(percent, ReadinessCalculator.Status.EMERGING,
                List.of(competency("influence", 3, 2.5, null),
                        competency("customer-discovery", 4, null, ReadinessCalculator.CalibrationSignal.UNDER_RECOGNISED)),
                null, null);
        return ReadinessReadModel.Figures.of(inputs, result, List.of("customer-discovery"),
                Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void figuresKeepEachCompetencyInOrderWithARatingOnlyWhereThereIsOne() {
        ReadinessReadModel.Figures f = figures(inputs(1, 1), 55);

        assertThat(f.readinessPercent()).isEqualTo(55);
        assertThat(f.status()).isEqualTo(ReadinessCalculator.Status.EMERGING);
        assertThat(f.topGaps()).containsExactly("customer-discovery");
        assertThat(f.lastAssessmentAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(f.competencies()).containsExactly("influence", "customer-discovery");
        assertThat(f.expected()).containsExactly(3, 4);
        assertThat(f.rating(0)).isEqualTo(2.5);
        assertThat(f.rating(1)).as("nobody but the person rated it").isNull();
        assertThat(f.signals()).containsExactly(
                new ReadinessDtos.Signal("customer-discovery", ReadinessCalculator.CalibrationSignal.UNDER_RECOGNISED));
    }

    @Test
    void aFigureIsReusedOnlyForExactlyTheInputsItCameFrom() {
        ReadinessReadModel model = new ReadinessReadModel(100);
        UUID person = UUID.randomUUID();
        ReadinessReadModel.Inputs inputs = inputs(4, 9);
        assertThat(model.current(person, inputs)).as("nothing kept yet").isNull();

        ReadinessReadModel.Figures kept = figures(inputs, 40);
        model.remember(person, kept);

        assertThat(model.current(person, inputs(4, 9))).isSameAs(kept);
        assertThat(model.current(person, inputs(5, 9))).as("a rating moved").isNull();
        assertThat(model.current(person, inputs(4, 10))).as("evidence moved").isNull();
        assertThat(model.current(person, new ReadinessReadModel.Inputs(TODAY.plusDays(1), 3, "PM", "SENIOR_PM",
                NOT_FOUNDER_LED, 4, 9))).as("a new day: evidence ages").isNull();
        assertThat(model.current(person, new ReadinessReadModel.Inputs(TODAY, 3, "PM", "SENIOR_PM",
                new FounderLed(true, FounderLed.DecidedBy.TEAM), 4, 9))).as("founder-led now").isNull();
        assertThat(model.current(UUID.randomUUID(), inputs)).as("someone else").isNull();

        ReadinessReadModel.Figures recomputed = figures(inputs(5, 9), 45);
        model.remember(person, recomputed);
        assertThat(model.current(person, inputs(5, 9))).isSameAs(recomputed);
        assertThat(model.current(person, inputs)).as("only the latest figures are kept").isNull();
    }
}
