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

    /**
     * A plan's actions (each action's expected evidence, in position order) and the tags they name
     * (distinct, sorted), which its counts request asks for: worked out once per plan version, not
     * once per report.
     */
    record Kept(List<List<ExpectedEvidence>> actions, List<String> tags) {
        static final Kept NONE = new Kept(List.of(), List.of());
    }

    private record Known(long version, Kept kept) {
    }

    private final Cache<UUID, Known> plans;

    PlanActionsReadModel(long maximumPlans) {
        this.plans = Caffeine.newBuilder().maximumSize(maximumPlans).build();
    }

    /** The plan's actions and tags if read at this version; else null. */
    Kept current(UUID planId, long version) {
        Known known = plans.getIfPresent(planId);
        return known != null && known.version() == version ? known.kept() : null;
    }

    /** Keeps a copy of the plan's actions, with their tags, as read at this version, and answers it. */
    Kept remember(UUID planId, long version, List<List<ExpectedEvidence>> actions) {
        Kept kept = new Kept(List.copyOf(actions), tagsOf(actions));
        plans.put(planId, new Known(version, kept));
        return kept;
    }

    /** The distinct tags the actions' expected evidence names, sorted. */
    static List<String> tagsOf(List<List<ExpectedEvidence>> actions) {
        return actions.stream().flatMap(List::stream).map(ExpectedEvidence::tag).filter(java.util.Objects::nonNull)
                .distinct().sorted().toList();
    }
}
