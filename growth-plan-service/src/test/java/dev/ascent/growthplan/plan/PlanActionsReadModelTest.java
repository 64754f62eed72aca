package dev.ascent.growthplan.plan;

import dev.ascent.growthplan.playbook.ExpectedEvidence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlanActionsReadModelTest {

    private final UUID plan = UUID.randomUUID();
    private final List<List<ExpectedEvidence>> actions = List.of(
            List.of(new ExpectedEvidence("CUSTOMER_DISCOVERY_SESSION", "customer-discovery", 4)),
            List.of(new ExpectedEvidence("DELIVERY", "execution-delivery", 1, "spec-review")));

    @Test
    void answersOnlyAtThePlansVersion() {
        PlanActionsReadModel model = new PlanActionsReadModel(10);
        assertThat(model.current(plan, 0)).as("never read").isNull();

        assertThat(model.remember(plan, 3, actions).actions()).isEqualTo(actions);
        assertThat(model.current(plan, 3).actions()).isEqualTo(actions);
        assertThat(model.current(plan, 3).tags()).containsExactly("spec-review");
        assertThat(model.current(plan, 4)).as("an action was swapped since").isNull();
        assertThat(model.current(plan, 2)).isNull();
        assertThat(model.current(UUID.randomUUID(), 3)).isNull();

        model.remember(plan, 4, List.of());
        assertThat(model.current(plan, 4).actions()).isEmpty();
        assertThat(model.current(plan, 4).tags()).isEmpty();
        assertThat(model.current(plan, 3)).as("replaced, not kept beside").isNull();
    }

    @Test
    void keepsACopyOfWhatItWasGiven() {
        PlanActionsReadModel model = new PlanActionsReadModel(10);
        List<List<ExpectedEvidence>> given = new ArrayList<>(actions);
        model.remember(plan, 1, given);
        given.clear();

        assertThat(model.current(plan, 1).actions()).isEqualTo(actions);
    }

    @Test
    void aPlansTagsAreTheDistinctTagsOfItsActionsInOrder() {
        List<List<ExpectedEvidence>> tagged = List.of(
                List.of(new ExpectedEvidence("DELIVERY", "execution-delivery", 1, "spec-review"),
                        new ExpectedEvidence("CUSTOMER_DISCOVERY_SESSION", "customer-discovery", 4)),
                List.of(new ExpectedEvidence("LAUNCH_OUTCOME", "execution-delivery", 1, "launch-review"),
                        new ExpectedEvidence("DELIVERY", "execution-delivery", 2, "spec-review")));
        assertThat(PlanActionsReadModel.tagsOf(tagged)).containsExactly("launch-review", "spec-review");
        assertThat(new PlanActionsReadModel(10).remember(plan, 1, tagged).tags())
                .containsExactly("launch-review", "spec-review");
        assertThat(PlanActionsReadModel.Kept.NONE.actions()).isEmpty();
        assertThat(PlanActionsReadModel.Kept.NONE.tags()).isEmpty();
    }
}
