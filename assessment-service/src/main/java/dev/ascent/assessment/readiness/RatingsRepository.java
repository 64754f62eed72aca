package dev.ascent.assessment.readiness;

import dev.ascent.kit.sql.IdArrays;
import dev.ascent.kit.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The ratings readiness needs, for any number of people in two queries. */
@ApplicationScoped
public class RatingsRepository {

    /** The latest submitted ratings of one person, per competency. */
    public static final class Ratings {
        public final Map<String, Integer> self = new HashMap<>();
        public final Map<String, Integer> manager = new HashMap<>();
        public final Map<String, List<Integer>> peers = new HashMap<>();
        public final Map<String, Integer> calibrated = new HashMap<>();
        public Instant lastAssessmentAt;
        private final Map<String, Instant> managerAt = new HashMap<>();
    }

    private final EntityManager em;

    public RatingsRepository(EntityManager em) {
        this.em = em;
    }

    public Map<UUID, Ratings> of(Collection<UUID> subjectIds) {
        Map<UUID, Ratings> result = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return result;
        }
        Collection<UUID> ids = subjectIds;
        // Each assessor's latest submitted rating of each competency; drafts never count, and a peer's
        // only with an invitation for that person in that cycle (older uninvited rows are ignored).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = IdArrays.read(em, """
                SELECT DISTINCT ON (a.subject_id, a.kind, a.assessor_id, r.competency)
                       a.subject_id, a.kind, r.competency, r.rating, a.submitted_at
                FROM assessment.assessment a
                JOIN assessment.assessment_rating r ON r.assessment_id = a.id
                WHERE a.status = 'SUBMITTED' AND a.subject_id = ANY(:ids)
                  AND (a.kind <> 'PEER' OR EXISTS (SELECT 1 FROM assessment.peer_invitation i
                       WHERE i.cycle_id = a.cycle_id AND i.subject_id = a.subject_id AND i.peer_id = a.assessor_id))
                ORDER BY a.subject_id, a.kind, a.assessor_id, r.competency, a.submitted_at DESC""", ids,
                (sql, bound) -> em.createNativeQuery(sql).setParameter("ids", bound).getResultList());
        for (Object[] r : rows) {
            Ratings ratings = result.computeIfAbsent((UUID) r[0], id -> new Ratings());
            String competency = (String) r[2];
            int rating = ((Number) r[3]).intValue();
            Instant at = SqlValues.instant(r[4]);
            switch ((String) r[1]) {
                case "SELF" -> ratings.self.put(competency, rating);
                case "MANAGER" -> {
                    // Several managers may have assessed: the most recent view counts.
                    Instant previous = ratings.managerAt.get(competency);
                    if (previous == null || at.isAfter(previous)) {
                        ratings.manager.put(competency, rating);
                        ratings.managerAt.put(competency, at);
                    }
                }
                default -> ratings.peers.computeIfAbsent(competency, c -> new ArrayList<>()).add(rating);
            }
            if (ratings.lastAssessmentAt == null || at.isAfter(ratings.lastAssessmentAt)) {
                ratings.lastAssessmentAt = at;
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> calibrations = IdArrays.read(em, """
                SELECT DISTINCT ON (subject_id, competency) subject_id, competency, rating
                FROM assessment.calibration WHERE subject_id = ANY(:ids)
                ORDER BY subject_id, competency, created_at DESC, id""", ids,
                (sql, bound) -> em.createNativeQuery(sql).setParameter("ids", bound).getResultList());
        for (Object[] r : calibrations) {
            result.computeIfAbsent((UUID) r[0], id -> new Ratings()).calibrated.put((String) r[1], ((Number) r[2]).intValue());
        }
        return result;
    }
}
