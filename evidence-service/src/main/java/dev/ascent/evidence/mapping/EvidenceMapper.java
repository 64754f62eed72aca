package dev.ascent.evidence.mapping;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns an event into a suggestion with the first matching rule, lowest priority first (ties by
 * name, so the outcome never depends on load order). No match means the event is not evidence.
 */
public final class EvidenceMapper {

    /** What a rule made of an event: the evidence kind, its competencies, and the rule's id. */
    public record Suggestion(java.util.UUID ruleId, String kind, List<String> competencies) {
    }

    private final List<EvidenceMappingRule> rules;

    public EvidenceMapper(List<EvidenceMappingRule> rules) {
        this.rules = rules.stream()
                .sorted(Comparator.comparingInt(EvidenceMappingRule::priority).thenComparing(EvidenceMappingRule::name))
                .toList();
    }

    /**
     * This mapper as the published framework allows it: each rule names only the competencies the
     * framework has, and a rule left with none is set aside, so a rule written for an earlier framework
     * never files evidence under codes readiness does not know.
     */
    public EvidenceMapper within(java.util.Collection<String> competencies) {
        java.util.Set<String> known = java.util.Set.copyOf(competencies);
        List<EvidenceMappingRule> kept = new java.util.ArrayList<>();
        for (EvidenceMappingRule rule : rules) {
            List<String> named = rule.competencies().stream().filter(known::contains).toList();
            if (!named.isEmpty()) {
                kept.add(new EvidenceMappingRule(rule.id(), rule.name(), rule.priority(), rule.source(), rule.eventTypes(),
                        rule.labels(), rule.issueTypes(), rule.components(), rule.keywords(), rule.kind(), named));
            }
        }
        return new EvidenceMapper(kept);
    }

    public Optional<Suggestion> map(ProjectEvent event) {
        for (EvidenceMappingRule rule : rules) {
            if (rule.matches(event)) {
                return Optional.of(new Suggestion(rule.id(), rule.kind(), rule.competencies()));
            }
        }
        return Optional.empty();
    }
}
