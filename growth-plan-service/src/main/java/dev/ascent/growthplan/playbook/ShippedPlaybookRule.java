package dev.ascent.growthplan.playbook;

/**
 * Whether the playbook that ships with Ascent is published on start-up, and why. The shipped
 * playbook carries a {@code revision}; the version it is published as records it.
 *
 * <ul>
 *   <li>An empty database gets the shipped playbook as its first version.</li>
 *   <li>A shipped revision is published once: not when it, or a newer one, was published before.</li>
 *   <li>A newer revision becomes the next version only when the current version is itself a shipped
 *       playbook. When an admin imported the current version, it stays current (the admin may
 *       import the shipped one).</li>
 * </ul>
 * Pure: the caller reads the state and applies the decision in one transaction. The same idea as
 * assessment-service's rule for the shipped framework; playbooks have no drafts.
 */
public final class ShippedPlaybookRule {

    public enum Outcome {
        PUBLISH_FIRST, PUBLISH_UPGRADE, ALREADY_PUBLISHED, ADMINS_PLAYBOOK_IS_CURRENT;

        public boolean publishes() {
            return this == PUBLISH_FIRST || this == PUBLISH_UPGRADE;
        }
    }

    /**
     * What is stored now.
     *
     * @param currentVersion         the newest version; {@code null} when there is none
     * @param currentShippedRevision the shipped revision the newest version was published from;
     *                               {@code null} when an admin imported it (or there is none)
     * @param newestShippedRevision  the highest shipped revision ever published; {@code null} when none
     */
    public record State(Integer currentVersion, Integer currentShippedRevision, Integer newestShippedRevision) {
    }

    public record Decision(Outcome outcome, String explanation) {
    }

    private ShippedPlaybookRule() {
    }

    public static Decision decide(int shippedRevision, State state) {
        if (state.currentVersion() == null) {
            return new Decision(Outcome.PUBLISH_FIRST,
                    "No playbook yet: the shipped playbook (revision " + shippedRevision + ") becomes version 1.");
        }
        if (state.newestShippedRevision() != null && state.newestShippedRevision() >= shippedRevision) {
            return new Decision(Outcome.ALREADY_PUBLISHED, "The shipped playbook revision " + shippedRevision
                    + " is not newer than revision " + state.newestShippedRevision() + ", published before.");
        }
        if (state.currentShippedRevision() == null) {
            return new Decision(Outcome.ADMINS_PLAYBOOK_IS_CURRENT, "Version " + state.currentVersion()
                    + " is a playbook an admin imported; the shipped playbook revision " + shippedRevision
                    + " does not replace it (an admin may import it).");
        }
        return new Decision(Outcome.PUBLISH_UPGRADE, "Version " + state.currentVersion()
                + " is the shipped playbook revision " + state.currentShippedRevision() + "; revision "
                + shippedRevision + " becomes version " + (state.currentVersion() + 1) + ".");
    }
}
