package dev.ascent.growthplan.plan;

import java.util.Set;

/**
 * Where a plan is in its life: {@code DRAFT → ACTIVE → COMPLETED | ABANDONED}; a draft may also be
 * abandoned. {@code SUPERSEDED} is set only by regeneration, which keeps the old plan in history.
 */
public enum PlanStatus {
    DRAFT,
    ACTIVE,
    COMPLETED,
    ABANDONED,
    SUPERSEDED;

    /** Whether a client may move a plan from this status to {@code next}. */
    public boolean canMoveTo(PlanStatus next) {
        return switch (this) {
            case DRAFT -> Set.of(ACTIVE, ABANDONED).contains(next);
            case ACTIVE -> Set.of(COMPLETED, ABANDONED).contains(next);
            case COMPLETED, ABANDONED, SUPERSEDED -> false;
        };
    }

    /** Open plans can still be changed, swapped and regenerated. */
    public boolean open() {
        return this == DRAFT || this == ACTIVE;
    }
}
