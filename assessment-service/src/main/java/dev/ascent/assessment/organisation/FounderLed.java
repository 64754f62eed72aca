package dev.ascent.assessment.organisation;

/**
 * Whether credibility comes before strategy for one person, and whose setting decided it: a team's
 * own setting (the person's, else their nearest manager's with one) overrides the organisation's.
 */
public record FounderLed(boolean value, DecidedBy decidedBy) {

    public enum DecidedBy { ORGANISATION, TEAM }

    public static FounderLed ofOrganisation(boolean value) {
        return new FounderLed(value, DecidedBy.ORGANISATION);
    }

    public static FounderLed ofTeam(boolean value) {
        return new FounderLed(value, DecidedBy.TEAM);
    }

    /** "the organisation" or "the team", for explanations. */
    public String whose() {
        return decidedBy == DecidedBy.TEAM ? "the team" : "the organisation";
    }
}
