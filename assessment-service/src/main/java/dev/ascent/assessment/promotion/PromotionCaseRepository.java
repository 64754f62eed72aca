package dev.ascent.assessment.promotion;

import dev.ascent.kit.paging.KeysetCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Cases and their parts. Reading a whole case is one statement per part, whatever its size. */
@ApplicationScoped
public class PromotionCaseRepository implements PanacheRepositoryBase<PromotionCase, UUID> {

    static final int MAX_DEPTH = 64;

    public record NarrativeRow(String role, UUID authorId, String whatIDid, String impact, String whatNext,
                               Instant updatedAt) {
    }

    public record ReviewerRow(UUID reviewerId, UUID invitedBy, Instant invitedAt) {
    }

    public record CommentRow(UUID id, UUID authorId, String body, Instant createdAt, Instant updatedAt) {
    }

    public record EventRow(UUID actorId, String action, String detail, Instant at) {
    }

    /** The case, locked until the transaction ends: changes to one case happen one at a time. */
    public Optional<PromotionCase> lock(UUID id) {
        return Optional.ofNullable(getEntityManager().find(PromotionCase.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Locks the person's row, so two cases for one person cannot be opened at the same moment. */
    public void lockPerson(UUID personId) {
        getEntityManager().createNativeQuery("SELECT 1 FROM assessment.person WHERE id = :id FOR UPDATE")
                .setParameter("id", personId).getResultList();
    }

    public Optional<PromotionCase> undecidedFor(UUID personId) {
        return find("personId = ?1 and status <> ?2", personId, CaseRules.Status.DECIDED).firstResultOptional();
    }

    public List<NarrativeRow> narratives(UUID caseId) {
        List<NarrativeRow> rows = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT role, author_id, what_i_did, impact, what_next, updated_at
                FROM assessment.promotion_narrative WHERE case_id = :case ORDER BY role DESC""", caseId)) {
            rows.add(new NarrativeRow((String) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                    instant(r[5])));
        }
        return rows;
    }

    public void writeNarrative(UUID caseId, String role, UUID author, CaseDtos.NarrativeText text, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO assessment.promotion_narrative
                            (case_id, role, author_id, what_i_did, impact, what_next, created_at, updated_at)
                        VALUES (:case, :role, :author, :did, :impact, :next, :now, :now)
                        ON CONFLICT (case_id, role) DO UPDATE SET what_i_did = excluded.what_i_did,
                            impact = excluded.impact, what_next = excluded.what_next, updated_at = excluded.updated_at""")
                .setParameter("case", caseId).setParameter("role", role).setParameter("author", author)
                .setParameter("did", text.whatIDid()).setParameter("impact", text.impact())
                .setParameter("next", text.whatNext()).setParameter("now", now)
                .executeUpdate();
    }

    public List<ReviewerRow> reviewers(UUID caseId) {
        List<ReviewerRow> rows = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT reviewer_id, invited_by, invited_at FROM assessment.promotion_reviewer
                WHERE case_id = :case ORDER BY invited_at, reviewer_id""", caseId)) {
            rows.add(new ReviewerRow((UUID) r[0], (UUID) r[1], instant(r[2])));
        }
        return rows;
    }

    public boolean isReviewer(UUID caseId, UUID personId) {
        return !getEntityManager().createNativeQuery("""
                        SELECT 1 FROM assessment.promotion_reviewer WHERE case_id = :case AND reviewer_id = :person""")
                .setParameter("case", caseId).setParameter("person", personId).getResultList().isEmpty();
    }

    public void invite(UUID caseId, UUID reviewerId, UUID invitedBy, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO assessment.promotion_reviewer (case_id, reviewer_id, invited_by, invited_at)
                        VALUES (:case, :reviewer, :by, :now)""")
                .setParameter("case", caseId).setParameter("reviewer", reviewerId).setParameter("by", invitedBy)
                .setParameter("now", now).executeUpdate();
    }

    public List<CommentRow> comments(UUID caseId) {
        List<CommentRow> rows = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT id, author_id, body, created_at, updated_at FROM assessment.promotion_comment
                WHERE case_id = :case ORDER BY created_at, id""", caseId)) {
            rows.add(new CommentRow((UUID) r[0], (UUID) r[1], (String) r[2], instant(r[3]), instant(r[4])));
        }
        return rows;
    }

    public void addComment(UUID id, UUID caseId, UUID author, String body, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO assessment.promotion_comment (id, case_id, author_id, body, created_at, updated_at)
                        VALUES (:id, :case, :author, :body, :now, :now)""")
                .setParameter("id", id).setParameter("case", caseId).setParameter("author", author)
                .setParameter("body", body).setParameter("now", now).executeUpdate();
    }

    public void editComment(UUID id, String body, Instant now) {
        getEntityManager().createNativeQuery("""
                        UPDATE assessment.promotion_comment SET body = :body, updated_at = :now WHERE id = :id""")
                .setParameter("id", id).setParameter("body", body).setParameter("now", now).executeUpdate();
    }

    public List<EventRow> events(UUID caseId) {
        List<EventRow> rows = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT actor_id, action, detail, at FROM assessment.promotion_case_event
                WHERE case_id = :case ORDER BY id""", caseId)) {
            rows.add(new EventRow((UUID) r[0], (String) r[1], (String) r[2], instant(r[3])));
        }
        return rows;
    }

    public void record(UUID caseId, UUID actor, String action, String detail, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO assessment.promotion_case_event (case_id, actor_id, action, detail, at)
                        VALUES (:case, :actor, :action, :detail, :now)""")
                .setParameter("case", caseId).setParameter("actor", actor).setParameter("action", action)
                .setParameter("detail", detail).setParameter("now", now).executeUpdate();
    }

    /**
     * One page of the cases the caller may see, newest first: all of them for an admin ({@code
     * viewer} empty), else the caller's own, those of anyone below them in the line and those they
     * were invited to review. One statement.
     */
    @SuppressWarnings("unchecked")
    public List<PromotionCase> visible(Optional<UUID> viewer, UUID personId, CaseRules.Status status,
                                       KeysetCursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                WITH RECURSIVE line(id, depth) AS (
                    SELECT id, 1 FROM assessment.person WHERE manager_id = :viewer
                    UNION
                    SELECT p.id, l.depth + 1 FROM assessment.person p JOIN line l ON p.manager_id = l.id
                    WHERE l.depth < :max)
                SELECT c.* FROM assessment.promotion_case c WHERE TRUE""");
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", viewer.orElse(new UUID(0, 0)));
        params.put("max", MAX_DEPTH);
        if (viewer.isPresent()) {
            sql.append(" ").append("""
                     AND (c.person_id = :viewer OR c.person_id IN (SELECT id FROM line)
                          OR EXISTS (SELECT 1 FROM assessment.promotion_reviewer r
                                     WHERE r.case_id = c.id AND r.reviewer_id = :viewer))""");
        }
        if (personId != null) {
            sql.append(" AND c.person_id = :person");
            params.put("person", personId);
        }
        if (status != null) {
            sql.append(" AND c.status = :status");
            params.put("status", status.name());
        }
        if (after != null) {
            sql.append(" AND (c.created_at, c.id) < (:at, :id)");
            params.put("at", after.createdAt());
            params.put("id", after.id());
        }
        sql.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT :limit");
        params.put("limit", limit);
        Query query = getEntityManager().createNativeQuery(sql.toString(), PromotionCase.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The latest calibration of each competency of the person, with its rationale. One statement. */
    public Map<String, CaseDtos.Calibration> latestCalibrations(UUID personId) {
        Map<String, CaseDtos.Calibration> result = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT DISTINCT ON (c.competency) c.competency, c.rating, c.rationale, c.calibrated_by,
                               c.created_at, p.name
                        FROM assessment.calibration c JOIN assessment.person p ON p.id = c.calibrated_by
                        WHERE c.subject_id = :person
                        ORDER BY c.competency, c.created_at DESC, c.id DESC""")
                .setParameter("person", personId).getResultList();
        for (Object[] r : rows) {
            result.put((String) r[0], new CaseDtos.Calibration(((Number) r[1]).intValue(), (String) r[2],
                    new CaseDtos.Person((UUID) r[3], (String) r[5]), instant(r[4])));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID caseId) {
        return getEntityManager().createNativeQuery(sql).setParameter("case", caseId).getResultList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
