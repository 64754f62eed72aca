package dev.ascent.evidence.log;

import dev.ascent.evidence.vocabulary.EvidenceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step of an item's status flow: who moved it, when, from what to what. */
@Entity
@Table(name = "status_change")
public class StatusChange {

    @Id
    public UUID id;

    @Column(name = "evidence_id", nullable = false)
    public UUID evidenceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public EvidenceStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public EvidenceStatus toStatus;

    @Column(name = "actor_id")
    public UUID actorId;

    public String reason;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
