package dev.ascent.growthplan.plan;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.ascent.growthplan.plan.PlanStatus.ABANDONED;
import static dev.ascent.growthplan.plan.PlanStatus.ACTIVE;
import static dev.ascent.growthplan.plan.PlanStatus.COMPLETED;
import static dev.ascent.growthplan.plan.PlanStatus.DRAFT;
import static org.assertj.core.api.Assertions.assertThat;

class PlanStatusTest {

    static List<PlanStatus> reachableFrom(PlanStatus from) {
        return Arrays.stream(PlanStatus.values()).filter(from::canMoveTo).toList();
    }

    @Test
    void draftToActiveToCompletedOrAbandonedAndNothingElse() {
        assertThat(reachableFrom(DRAFT)).containsExactly(ACTIVE, ABANDONED);
        assertThat(reachableFrom(ACTIVE)).containsExactly(COMPLETED, ABANDONED);
        assertThat(reachableFrom(COMPLETED)).isEmpty();
        assertThat(reachableFrom(ABANDONED)).isEmpty();
        assertThat(reachableFrom(PlanStatus.SUPERSEDED)).isEmpty();
    }

    @Test
    void onlyDraftAndActivePlansAreOpen() {
        assertThat(Arrays.stream(PlanStatus.values()).filter(PlanStatus::open)).containsExactly(DRAFT, ACTIVE);
    }
}
