package dev.ascent.growthplan.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A dated note on a plan by the person or their manager. */
@Entity
@Table(name = "check_in")
public class CheckIn {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    /** The caller who wrote it; {@code null} for check-ins from before authors were recorded. */
    @Column(name = "author_id")
    public UUID authorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_role", nullable = false)
    public AuthorRole authorRole;

    @Column(nullable = false)
    public String note;

    @Column(name = "on_date", nullable = false)
    public LocalDate onDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
