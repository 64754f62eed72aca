package dev.ascent.growthplan.plan;

import dev.ascent.kit.paging.KeysetCursor;
import dev.ascent.kit.sql.IdArrays;
import dev.ascent.kit.sql.SqlValues;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /** The few columns bulk status needs of a person's current plan. */
    /** @param version the plan's optimistic-lock version, which every update of the plan moves */
    public record CurrentPlan(UUID id, UUID personId, PlanStatus status, LocalDate startsOn, long version) {
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
     * any number of people, the ids bound as one array (as an {@code in} list of 10,000 bound
     * parameters, planning alone cost more than the rows).
     */
    @SuppressWarnings("unchecked")
    public List<CurrentPlan> current(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = IdArrays.read(getEntityManager(), """
                        SELECT DISTINCT ON (person_id) id, person_id, status, starts_on, version
                        FROM growth_plan.plan
                        WHERE person_id = ANY(:ids) AND status <> 'SUPERSEDED'
                        ORDER BY person_id, created_at DESC, id DESC""", personIds,
                (sql, bound) -> getEntityManager().createNativeQuery(sql).setParameter("ids", bound).getResultList());
        return rows.stream().map(r -> new CurrentPlan((UUID) r[0], (UUID) r[1], PlanStatus.valueOf((String) r[2]),
                SqlValues.localDate(r[3]), ((Number) r[4]).longValue())).toList();
    }

    /**
     * The expected evidence of every action of these plans, each plan's in position order. One
     * statement, the ids bound as one array; the rows are put in order here, not by PostgreSQL, whose
     * sort of 30,000 documents for 5,000 plans spilled to disk.
     */
    @SuppressWarnings("unchecked")
    public List<ActionEvidence> actionEvidence(Collection<UUID> planIds) {
        List<Object[]> rows = IdArrays.read(getEntityManager(), """
                        SELECT plan_id, position, expected_evidence::text FROM growth_plan.plan_action
                        WHERE plan_id = ANY(:ids)""", planIds,
                (sql, bound) -> getEntityManager().createNativeQuery(sql).setParameter("ids", bound).getResultList());
        return rows.stream()
                .map(r -> new ActionEvidence((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2]))
                .sorted(Comparator.comparing(ActionEvidence::planId).thenComparingInt(ActionEvidence::position))
                .toList();
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
