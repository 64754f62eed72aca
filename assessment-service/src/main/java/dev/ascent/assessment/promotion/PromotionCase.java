package dev.ascent.assessment.promotion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** A promotion case (V6__promotion_cases.sql); its narratives, reviewers, comments and history are rows of their own. */
@Entity
@Table(name = "promotion_case")
public class PromotionCase {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "opened_by", nullable = false)
    public UUID openedBy;

    @Column(name = "from_level", nullable = false)
    public String fromLevel;

    @Column(name = "target_level", nullable = false)
    public String targetLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseRules.Status status;

    /** {@link CaseDtos.Snapshot} as JSON. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String snapshot;

    @Column(name = "snapshot_taken_at", nullable = false)
    public Instant snapshotTakenAt;

    @Enumerated(EnumType.STRING)
    public CaseDtos.Outcome outcome;

    @Column(name = "decision_rationale")
    public String decisionRationale;

    /** The gaps of a NOT_YET decision, as JSON. */
    @Column(name = "decision_gaps", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String decisionGaps;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "next_plan_id")
    public UUID nextPlanId;

    @Column(name = "next_plan_problem")
    public String nextPlanProblem;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
