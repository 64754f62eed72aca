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

    static final ExpectedEvidence REVIEWED_SPEC = new ExpectedEvidence("OTHER", "product-craft", 1, "spec-review");
    static final ExpectedEvidence ANY_CRAFT = new ExpectedEvidence("OTHER", "product-craft", 2);
    static final String CRAFT = ProgressCalculator.key("OTHER", "product-craft");
    static final String CRAFT_SPEC_REVIEW = ProgressCalculator.key("OTHER", "product-craft", "spec-review");

    @Test
    void anItemWithATagCountsOnlyEvidenceCarryingThatTag() {
        // three items of the kind and competency, none tagged: closing tickets does not complete the action
        Progress untagged = ProgressCalculator.compute(List.of(List.of(REVIEWED_SPEC)), Map.of(CRAFT, 3));
        Progress otherTag = ProgressCalculator.compute(List.of(List.of(REVIEWED_SPEC)),
                Map.of(CRAFT, 3, ProgressCalculator.key("OTHER", "product-craft", "release-note"), 3));
        Progress tagged = ProgressCalculator.compute(List.of(List.of(REVIEWED_SPEC)), Map.of(CRAFT, 3, CRAFT_SPEC_REVIEW, 1));

        assertThat(untagged.actions().getFirst().items().getFirst().matched()).isZero();
        assertThat(untagged.actionsDone()).isZero();
        assertThat(otherTag.percent()).isZero();
        assertThat(tagged.actionsDone()).isEqualTo(1);
        assertThat(tagged.percent()).isEqualTo(100);
    }

    @Test
    void taggedItemsAreServedFirstAndWhatTheyTakeNoLongerAdvancesAnUntaggedAction() {
        // plan order puts the untagged action first, yet the tagged one gets the tagged item
        Progress progress = ProgressCalculator.compute(List.of(List.of(ANY_CRAFT), List.of(REVIEWED_SPEC)),
                Map.of(CRAFT, 2, CRAFT_SPEC_REVIEW, 1));

        assertThat(progress).usingRecursiveComparison().isEqualTo(new Progress(List.of(
                new ActionProgress(List.of(new ItemProgress(ANY_CRAFT, 1)), false),
                new ActionProgress(List.of(new ItemProgress(REVIEWED_SPEC, 1)), true)), 1, 2, 66));
    }

    @Test
    void oneTaggedItemAdvancesOneTaggedAction() {
        Progress progress = ProgressCalculator.compute(List.of(List.of(REVIEWED_SPEC), List.of(REVIEWED_SPEC)),
                Map.of(CRAFT, 1, CRAFT_SPEC_REVIEW, 1));

        assertThat(progress.actions()).extracting(ActionProgress::done).containsExactly(true, false);
    }

    @Test
    void aPlanWithoutActionsHasNoProgress() {
        assertThat(ProgressCalculator.compute(List.of(), Map.of(SESSIONS, 3)))
                .usingRecursiveComparison().isEqualTo(new Progress(List.of(), 0, 0, 0));
    }
}
