package dev.ascent.growthplan.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ascent.growthplan.playbook.ExpectedEvidence;

import java.util.List;
import java.util.UUID;

/**
 * The expected evidence of each plan's actions, kept with the plan's version: swapping an action
 * (the only change to a plan's actions) updates the plan, which moves its version, so a kept list is
 * reused only while the version it was read at stands. Team reports ask for the progress of
 * thousands of plans over and over, and reading their 30,000 action documents was most of the time.
 */
final class PlanActionsReadModel {

    private record Known(long version, List<List<ExpectedEvidence>> actions) {
    }

    private final Cache<UUID, Known> plans;

    PlanActionsReadModel(long maximumPlans) {
        this.plans = Caffeine.newBuilder().maximumSize(maximumPlans).build();
    }

    /** The plan's actions (each action's expected evidence, in position order) if read at this version; else null. */
    List<List<ExpectedEvidence>> current(UUID planId, long version) {
        Known known = plans.getIfPresent(planId);
        return known != null && known.version() == version ? known.actions() : null;
    }

    void remember(UUID planId, long version, List<List<ExpectedEvidence>> actions) {
        plans.put(planId, new Known(version, List.copyOf(actions)));
    }
}
