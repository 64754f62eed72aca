package dev.ascent.evidence.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored mapping rule, shipped or an admin's, editable by admins; {@link #toRule()} gives the pure form the mapper uses. */
@Entity
@Table(name = "mapping_rule")
public class MappingRule {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int priority;

    @Column(nullable = false)
    public boolean enabled;

    public String source;

    @Column(name = "event_types", nullable = false)
    public String[] eventTypes;

    @Column(nullable = false)
    public String[] labels;

    @Column(name = "issue_types", nullable = false)
    public String[] issueTypes;

    @Column(nullable = false)
    public String[] components;

    @Column(nullable = false)
    public String[] keywords;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String[] competencies;

    /**
     * The shipped revision this rule came from ({@code ShippedMappingRules}); {@code null} for an
     * admin's rule, and for a shipped rule once an admin edits it: later revisions leave those alone.
     */
    @Column(name = "shipped_revision")
    public Integer shippedRevision;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public EvidenceMappingRule toRule() {
        return new EvidenceMappingRule(id, name, priority, source, List.of(eventTypes), List.of(labels),
                List.of(issueTypes), List.of(components), List.of(keywords), kind, List.of(competencies));
    }
}
