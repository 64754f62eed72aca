package dev.ascent.growthplan.playbook;

import dev.ascent.growthplan.playbook.ShippedPlaybookRule.Outcome;
import dev.ascent.growthplan.playbook.ShippedPlaybookRule.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedPlaybookRuleTest {

    static Outcome decide(int revision, State state) {
        return ShippedPlaybookRule.decide(revision, state).outcome();
    }

    @Test
    void anEmptyDatabaseGetsTheShippedPlaybookFirst() {
        var decision = ShippedPlaybookRule.decide(2, new State(null, null, null));
        assertThat(decision.outcome()).isEqualTo(Outcome.PUBLISH_FIRST);
        assertThat(decision.outcome().publishes()).isTrue();
        assertThat(decision.explanation()).contains("revision 2").contains("version 1");
    }

    @Test
    void aNewerRevisionReplacesAnEarlierShippedOneAsTheNextVersion() {
        var decision = ShippedPlaybookRule.decide(2, new State(1, 1, 1));
        assertThat(decision.outcome()).isEqualTo(Outcome.PUBLISH_UPGRADE);
        assertThat(decision.outcome().publishes()).isTrue();
        assertThat(decision.explanation()).contains("Version 1 is the shipped playbook revision 1").contains("version 2");
    }

    @Test
    void aRevisionIsPublishedOnceAndNeverGoesBack() {
        assertThat(decide(2, new State(3, 2, 2))).isEqualTo(Outcome.ALREADY_PUBLISHED);
        assertThat(decide(2, new State(4, 3, 3))).isEqualTo(Outcome.ALREADY_PUBLISHED);
        // an admin's version is current, but the revision was published before: nothing to say about the admin
        assertThat(decide(2, new State(5, null, 2))).isEqualTo(Outcome.ALREADY_PUBLISHED);
        assertThat(Outcome.ALREADY_PUBLISHED.publishes()).isFalse();
        assertThat(ShippedPlaybookRule.decide(2, new State(3, 2, 2)).explanation()).contains("revision 2");
    }

    @Test
    void anAdminsPlaybookIsNeverReplaced() {
        var decision = ShippedPlaybookRule.decide(3, new State(4, null, 2));
        assertThat(decision.outcome()).isEqualTo(Outcome.ADMINS_PLAYBOOK_IS_CURRENT);
        assertThat(decision.outcome().publishes()).isFalse();
        assertThat(decision.explanation()).contains("Version 4").contains("revision 3");
        // nor when no shipped revision was ever recorded (an installation whose first version an admin replaced)
        assertThat(decide(3, new State(2, null, null))).isEqualTo(Outcome.ADMINS_PLAYBOOK_IS_CURRENT);
    }

    @Test
    void theNextRevisionAfterOneAlreadyPublishedStillUpgrades() {
        assertThat(decide(3, new State(2, 2, 2))).isEqualTo(Outcome.PUBLISH_UPGRADE);
    }
}
