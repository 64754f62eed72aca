package dev.ascent.growthplan.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person's growth plan towards a target level, as generated, and where it stands. */
@Entity
@Table(name = "plan")
public class Plan {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "current_level", nullable = false)
    public String currentLevel;

    @Column(name = "current_tier", nullable = false)
    public String currentTier;

    @Column(name = "target_level", nullable = false)
    public String targetLevel;

    @Column(name = "target_tier", nullable = false)
    public String targetTier;

    @Column(name = "founder_led", nullable = false)
    public boolean founderLed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Column(name = "horizon_days", nullable = false)
    public int horizonDays;

    /** Evidence dated on or after this day counts towards the plan. */
    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "framework_version", nullable = false)
    public int frameworkVersion;

    @Column(name = "playbook_version", nullable = false)
    public int playbookVersion;

    /** The readiness answer the plan was generated from, as assessment-service sent it. */
    @Column(name = "readiness_snapshot", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String readinessSnapshot;

    /** {@link PlanFocus} as JSON. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String focus;

    @Column(name = "supersedes_id")
    public UUID supersedesId;

    @Column(name = "superseded_by_id")
    public UUID supersededById;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
