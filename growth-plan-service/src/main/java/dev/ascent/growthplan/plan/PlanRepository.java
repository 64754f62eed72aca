package dev.ascent.growthplan.plan;

import dev.ascent.kit.paging.KeysetCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /** The few columns bulk status needs of a person's current plan. */
    public record CurrentPlan(UUID id, UUID personId, PlanStatus status, LocalDate startsOn) {
    }

    /** Expected evidence of one action, for progress. */
    public record ActionEvidence(UUID planId, int position, String expectedEvidence) {
    }

    public List<Plan> open(UUID personId) {
        return list("personId = ?1 and status in ?2", personId, List.of(PlanStatus.DRAFT, PlanStatus.ACTIVE));
    }

    public List<PlanAction> actions(UUID planId) {
        return getEntityManager()
                .createQuery("from PlanAction a where a.planId = :plan order by a.position", PlanAction.class)
                .setParameter("plan", planId).getResultList();
    }

    public PlanAction action(UUID planId, UUID actionId) {
        return getEntityManager()
                .createQuery("from PlanAction a where a.planId = :plan and a.id = :id", PlanAction.class)
                .setParameter("plan", planId).setParameter("id", actionId)
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * Each person's current plan: their newest plan that was not superseded. One statement for
     * any number of people.
     */
    public List<CurrentPlan> current(Collection<UUID> personIds) {
        return getEntityManager().createQuery("""
                        select new dev.ascent.growthplan.plan.PlanRepository$CurrentPlan(p.id, p.personId, p.status, p.startsOn)
                        from Plan p
                        where p.personId in :people and p.status <> :superseded
                          and p.createdAt = (select max(q.createdAt) from Plan q
                                             where q.personId = p.personId and q.status <> :superseded)
                        """, CurrentPlan.class)
                .setParameter("people", personIds)
                .setParameter("superseded", PlanStatus.SUPERSEDED)
                .getResultList();
    }

    /** The expected evidence of every action of these plans, in plan order. One statement. */
    public List<ActionEvidence> actionEvidence(Collection<UUID> planIds) {
        return getEntityManager().createQuery("""
                        select new dev.ascent.growthplan.plan.PlanRepository$ActionEvidence(a.planId, a.position, a.expectedEvidence)
                        from PlanAction a where a.planId in :plans order by a.planId, a.position
                        """, ActionEvidence.class)
                .setParameter("plans", planIds)
                .getResultList();
    }

    /** A person's plans in creation order, one page at a time. */
    public List<Plan> page(UUID personId, KeysetCursor after, int limit) {
        if (after == null) {
            return find("personId = :person order by createdAt, id", Parameters.with("person", personId))
                    .page(0, limit).list();
        }
        return find("personId = :person and (createdAt > :at or (createdAt = :at and id > :id)) order by createdAt, id",
                Parameters.with("person", personId).and("at", after.createdAt()).and("id", after.id()))
                .page(0, limit).list();
    }

    public List<CheckIn> checkIns(UUID planId, KeysetCursor after, int limit) {
        var em = getEntityManager();
        if (after == null) {
            return em.createQuery("from CheckIn c where c.planId = :plan order by c.createdAt, c.id", CheckIn.class)
                    .setParameter("plan", planId).setMaxResults(limit).getResultList();
        }
        return em.createQuery("""
                        from CheckIn c where c.planId = :plan
                          and (c.createdAt > :at or (c.createdAt = :at and c.id > :id))
                        order by c.createdAt, c.id""", CheckIn.class)
                .setParameter("plan", planId).setParameter("at", after.createdAt()).setParameter("id", after.id())
                .setMaxResults(limit).getResultList();
    }

    /** Serialises plan changes of one person (generation, regeneration) across instances. */
    public void lockPerson(UUID personId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "growth_plan.person:" + personId).getSingleResult();
    }
}
