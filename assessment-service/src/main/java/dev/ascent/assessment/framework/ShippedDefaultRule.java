package dev.ascent.assessment.framework;

/**
 * Whether the framework that ships with Ascent is published on start-up, and why. The shipped
 * default carries a revision number; the version it is published as records it.
 *
 * <ul>
 *   <li>An empty database gets the shipped default as its first version.</li>
 *   <li>A shipped revision is published once: not when it, or a newer one, was published before.</li>
 *   <li>A newer revision replaces only a shipped default: when the current version has no revision,
 *       an admin imported it, and it stays current.</li>
 *   <li>While an admin's draft waits to be published nothing is added, so the draft keeps its
 *       place as the next version.</li>
 * </ul>
 * Pure: the caller reads the state and applies the decision in one transaction.
 */
public final class ShippedDefaultRule {

    public enum Outcome {
        PUBLISH_FIRST, PUBLISH_UPGRADE, ALREADY_PUBLISHED, ADMINS_FRAMEWORK_IS_CURRENT, DRAFT_IN_PROGRESS;

        public boolean publishes() {
            return this == PUBLISH_FIRST || this == PUBLISH_UPGRADE;
        }
    }

    /**
     * What is stored now.
     *
     * @param anyVersion             whether any version, draft or published, exists
     * @param newestShippedRevision  the highest shipped revision ever published; {@code null} when none
     * @param currentVersion         the newest published version; {@code null} when none is published
     * @param currentShippedRevision the shipped revision the current version was published from;
     *                               {@code null} when an admin imported it (or none is published)
     * @param draftPending           whether a draft waits to be published
     */
    public record State(boolean anyVersion, Integer newestShippedRevision, Integer currentVersion,
                        Integer currentShippedRevision, boolean draftPending) {
    }

    public record Decision(Outcome outcome, String explanation) {
        public boolean publishes() {
            return outcome.publishes();
        }
    }

    private ShippedDefaultRule() {
    }

    public static Decision decide(int shippedRevision, State state) {
        if (!state.anyVersion()) {
            return new Decision(Outcome.PUBLISH_FIRST,
                    "No framework yet: the shipped default (revision " + shippedRevision + ") becomes the first version.");
        }
        if (state.newestShippedRevision() != null && state.newestShippedRevision() >= shippedRevision) {
            return new Decision(Outcome.ALREADY_PUBLISHED, "The shipped default revision " + shippedRevision
                    + " is not newer than revision " + state.newestShippedRevision() + ", published before.");
        }
        if (state.currentVersion() != null && state.currentShippedRevision() == null) {
            return new Decision(Outcome.ADMINS_FRAMEWORK_IS_CURRENT, "Version " + state.currentVersion()
                    + " is a framework an admin imported; the shipped default revision " + shippedRevision
                    + " does not replace it (an admin may import it).");
        }
        if (state.draftPending() || state.currentVersion() == null) {
            return new Decision(Outcome.DRAFT_IN_PROGRESS, "A draft waits to be published; the shipped default revision "
                    + shippedRevision + " is published on a later start if the current version is still a shipped default.");
        }
        return new Decision(Outcome.PUBLISH_UPGRADE, "Version " + state.currentVersion() + " is the shipped default revision "
                + state.currentShippedRevision() + "; revision " + shippedRevision + " becomes the next version.");
    }
}
