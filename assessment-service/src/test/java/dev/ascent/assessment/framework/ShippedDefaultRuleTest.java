package dev.ascent.assessment.framework;

import dev.ascent.assessment.framework.ShippedDefaultRule.Outcome;
import dev.ascent.assessment.framework.ShippedDefaultRule.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedDefaultRuleTest {

    private static final State EMPTY = new State(false, null, null, null, false);
    /** Version 1 is the shipped revision 1, nothing else stored. */
    private static final State ON_REVISION_1 = new State(true, 1, 1, 1, false);

    private static Outcome decide(int revision, State state) {
        return ShippedDefaultRule.decide(revision, state).outcome();
    }

    @Test
    void anEmptyDatabaseGetsTheShippedDefault() {
        assertThat(decide(2, EMPTY)).isEqualTo(Outcome.PUBLISH_FIRST);
        assertThat(Outcome.PUBLISH_FIRST.publishes()).isTrue();
    }

    @Test
    void aNewerRevisionFollowsAnEarlierShippedDefault() {
        var decision = ShippedDefaultRule.decide(2, ON_REVISION_1);
        assertThat(decision.outcome()).isEqualTo(Outcome.PUBLISH_UPGRADE);
        assertThat(decision.publishes()).isTrue();
        assertThat(decision.explanation()).isEqualTo(
                "Version 1 is the shipped default revision 1; revision 2 becomes the next version.");
    }

    @Test
    void aRevisionIsPublishedOnce() {
        assertThat(decide(1, ON_REVISION_1)).isEqualTo(Outcome.ALREADY_PUBLISHED);
        // a service rolled back to an older shipped file does not publish it over the newer one
        assertThat(decide(2, new State(true, 3, 4, 3, false))).isEqualTo(Outcome.ALREADY_PUBLISHED);
        assertThat(Outcome.ALREADY_PUBLISHED.publishes()).isFalse();
    }

    @Test
    void anAdminsOwnFrameworkIsNeverReplaced() {
        var decision = ShippedDefaultRule.decide(2, new State(true, 1, 2, null, false));
        assertThat(decision.outcome()).isEqualTo(Outcome.ADMINS_FRAMEWORK_IS_CURRENT);
        assertThat(decision.publishes()).isFalse();
        assertThat(decision.explanation()).startsWith("Version 2 is a framework an admin imported");
        // also when no shipped revision was ever recorded (an installation whose first version an admin wrote)
        assertThat(decide(2, new State(true, null, 1, null, false))).isEqualTo(Outcome.ADMINS_FRAMEWORK_IS_CURRENT);
        // and while an admin's draft waits
        assertThat(decide(2, new State(true, 1, 2, null, true))).isEqualTo(Outcome.ADMINS_FRAMEWORK_IS_CURRENT);
    }

    @Test
    void aDraftInProgressKeepsItsPlaceAsTheNextVersion() {
        assertThat(decide(2, new State(true, 1, 1, 1, true))).isEqualTo(Outcome.DRAFT_IN_PROGRESS);
        // a draft and nothing published
        assertThat(decide(2, new State(true, null, null, null, true))).isEqualTo(Outcome.DRAFT_IN_PROGRESS);
        assertThat(Outcome.DRAFT_IN_PROGRESS.publishes()).isFalse();
    }
}
