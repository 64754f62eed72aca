package dev.ascent.growthplan.playbook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** A published playbook version. Never changed once written (the database refuses it too). */
@Entity
@Immutable
@Table(name = "playbook_version")
public class PlaybookVersion {

    @Id
    public UUID id;

    @Column(nullable = false)
    public int version;

    /** {@code DEFAULT} for the one shipped with the service, {@code IMPORT} for admins' versions. */
    @Column(nullable = false)
    public String source;

    /** The revision of the shipped playbook this version was published from; null for admins' versions. */
    @Column(name = "default_revision")
    public Integer defaultRevision;

    @Column(name = "action_count", nullable = false)
    public int actionCount;

    /** The {@link PlaybookDocument} as JSON. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String document;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
