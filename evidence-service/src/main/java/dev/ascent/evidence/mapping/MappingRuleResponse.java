package dev.ascent.evidence.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record MappingRuleResponse(UUID id, String name, int priority, boolean enabled, String source,
                                  List<String> eventTypes, List<String> labels, List<String> issueTypes,
                                  List<String> components, List<String> keywords, String kind,
                                  List<String> competencies, Instant createdAt, Instant updatedAt) {

    static MappingRuleResponse of(MappingRule r) {
        return new MappingRuleResponse(r.id, r.name, r.priority, r.enabled, r.source, List.of(r.eventTypes),
                List.of(r.labels), List.of(r.issueTypes), List.of(r.components), List.of(r.keywords), r.kind,
                List.of(r.competencies), r.createdAt, r.updatedAt);
    }
}
