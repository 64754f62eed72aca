package dev.ascent.evidence.mapping;

import java.util.List;
import java.util.UUID;

/**
 * What the sample would become: the event as read from the payload, why it would be ignored (then
 * no rule is tried), and the first enabled rule that matches it, or none (not evidence).
 */
public record DryRunResponse(String eventType, String ignoredReason, String externalUser, String email, String title,
                             List<String> labels, String issueType, List<String> components, Match match) {

    /** The rule that would suggest the evidence, and what it would suggest. */
    public record Match(UUID ruleId, String ruleName, int priority, String kind, List<String> competencies) {
    }
}
