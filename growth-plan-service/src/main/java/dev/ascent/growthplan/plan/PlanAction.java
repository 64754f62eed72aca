package dev.ascent.growthplan.plan;

import dev.ascent.growthplan.playbook.ActionCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.LocalDate;
import java.util.UUID;

/** One step of a plan: a playbook action (from the plan's playbook version) with a due date. */
@Entity
@Table(name = "plan_action")
public class PlanAction {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public int position;

    @Column(name = "action_code", nullable = false)
    public String actionCode;

    @Column(nullable = false)
    public String competency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionCategory category;

    @Column(nullable = false)
    public String title;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** The action's expected evidence (list of kind, competency, count) as JSON. */
    @Column(name = "expected_evidence", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String expectedEvidence;

    /** The code of the action this one replaced, when it was swapped in. */
    @Column(name = "swapped_from")
    public String swappedFrom;

    @Version
    public long version;
}
