package dev.ascent.evidence.log;

import dev.ascent.evidence.vocabulary.EvidenceKind;
import dev.ascent.evidence.vocabulary.EvidenceSource;
import dev.ascent.evidence.vocabulary.EvidenceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A dated record of someone's work and the competencies it supports. */
@Entity
@Table(name = "evidence")
public class Evidence {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceKind kind;

    @Column(nullable = false)
    public String[] competencies;

    @Column(nullable = false)
    public String title;

    public String summary;

    @Column(nullable = false)
    public String[] links;

    public String impact;

    @Column(name = "occurred_at", nullable = false)
    public LocalDate occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceStatus status;

    @Column(name = "source_id")
    public UUID sourceId;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "rule_id")
    public UUID ruleId;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "confirmed_by")
    public UUID confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "verified_by")
    public UUID verifiedBy;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "rejected_by")
    public UUID rejectedBy;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
