package dev.ascent.growthplan.plan;

import dev.ascent.growthplan.plan.ProgressCalculator.ActionProgress;
import dev.ascent.growthplan.plan.ProgressCalculator.ItemProgress;
import dev.ascent.growthplan.plan.ProgressCalculator.Progress;
import dev.ascent.growthplan.playbook.ExpectedEvidence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressCalculatorTest {

    static final ExpectedEvidence THREE_SESSIONS = new ExpectedEvidence("CUSTOMER_DISCOVERY_SESSION", "customer-discovery", 3);
    static final ExpectedEvidence TWO_SESSIONS = new ExpectedEvidence("CUSTOMER_DISCOVERY_SESSION", "customer-discovery", 2);
    static final ExpectedEvidence ONE_DELIVERY = new ExpectedEvidence("DELIVERY", "execution-delivery", 1);
    static final String SESSIONS = ProgressCalculator.key("CUSTOMER_DISCOVERY_SESSION", "customer-discovery");
    static final String DELIVERIES = ProgressCalculator.key("DELIVERY", "execution-delivery");

    @Test
    void evidenceIsHandedOutInPlanOrderSoOneItemAdvancesOneAction() {
        Progress progress = ProgressCalculator.compute(List.of(List.of(THREE_SESSIONS), List.of(TWO_SESSIONS, ONE_DELIVERY)),
                Map.of(SESSIONS, 4, DELIVERIES, 1));

        assertThat(progress).usingRecursiveComparison().isEqualTo(new Progress(List.of(
                new ActionProgress(List.of(new ItemProgress(THREE_SESSIONS, 3)), true),
                new ActionProgress(List.of(new ItemProgress(TWO_SESSIONS, 1), new ItemProgress(ONE_DELIVERY, 1)), false)),
                1, 2, 83));
    }

    @Test
    void moreEvidenceThanExpectedCapsAtOneHundredPercent() {
        Progress progress = ProgressCalculator.compute(List.of(List.of(ONE_DELIVERY)), Map.of(DELIVERIES, 9));

        assertThat(progress.percent()).isEqualTo(100);
        assertThat(progress.actionsDone()).isEqualTo(1);
    }

    @Test
    void evidenceOfOtherKindsOrCompetenciesDoesNotCount() {
        Progress progress = ProgressCalculator.compute(List.of(List.of(ONE_DELIVERY)),
                Map.of(ProgressCalculator.key("DELIVERY", "customer-discovery"), 5, SESSIONS, 5));

        assertThat(progress.percent()).isZero();
        assertThat(progress.actions().getFirst().done()).isFalse();
    }

    @Test
    void aPlanWithoutActionsHasNoProgress() {
        assertThat(ProgressCalculator.compute(List.of(), Map.of(SESSIONS, 3)))
                .usingRecursiveComparison().isEqualTo(new Progress(List.of(), 0, 0, 0));
    }
}
