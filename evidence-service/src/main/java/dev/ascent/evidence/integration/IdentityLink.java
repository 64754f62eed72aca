package dev.ascent.evidence.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Who a tool's user is in Ascent, for one integration source. */
@Entity
@Table(name = "identity_link")
public class IdentityLink {

    @Id
    public UUID id;

    @Column(name = "source_id", nullable = false)
    public UUID sourceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_kind", nullable = false)
    public IdentityKind identityKind;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
