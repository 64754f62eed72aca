package dev.ascent.assessment.cycle;

import dev.ascent.assessment.framework.FrameworkService;
import dev.ascent.kit.paging.KeysetCursor;
import dev.ascent.kit.paging.Page;
import dev.ascent.assessment.people.LineAccess;
import dev.ascent.assessment.people.PersonRepository;
import dev.ascent.kit.caller.Caller;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class CycleService {

    /** Stands for "no person" in queries that compare with the caller. */
    private static final UUID NOBODY = new UUID(0, 0);

    private final EntityManager em;
    private final PersonRepository people;
    private final FrameworkService frameworks;
    private final LineAccess access;
    private final Caller caller;

    public CycleService(EntityManager em, PersonRepository people, FrameworkService frameworks, LineAccess access,
                        Caller caller) {
        this.em = em;
        this.people = people;
        this.frameworks = frameworks;
        this.access = access;
        this.caller = caller;
    }

    @Transactional
    public CycleDtos.CycleDetail create(CycleDtos.CycleRequest request) {
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ApiProblem.invalidField("endsOn", "must not be before startsOn");
        }
        Set<UUID> ids = new HashSet<>(request.participantIds());
        Optional<UUID> limitedTo = access.limitedTo();
        if (limitedTo.isPresent()) {
            // Checked before existence, so a refusal says nothing about who exists outside the line.
            Set<UUID> inLine = people.inLineOf(limitedTo.get(), ids);
            List<Problem.Violation> outside = new ArrayList<>();
            for (int i = 0; i < request.participantIds().size(); i++) {
                if (!inLine.contains(request.participantIds().get(i))) {
                    outside.add(new Problem.Violation("participantIds[" + i + "]", "is not in your reporting line"));
                }
            }
            if (!outside.isEmpty()) {
                throw new ApiProblem(403, "forbidden", "Forbidden",
                        "A cycle may only include people below you in the reporting line", outside);
            }
        }
        Set<UUID> known = new HashSet<>();
        people.withIds(ids).forEach(p -> known.add(p.id));
        List<Problem.Violation> unknown = new ArrayList<>();
        for (int i = 0; i < request.participantIds().size(); i++) {
            if (!known.contains(request.participantIds().get(i))) {
                unknown.add(new Problem.Violation("participantIds[" + i + "]", "no person has this id"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(400, "validation-failed", "Invalid request", "The request has invalid fields", unknown);
        }
        AssessmentCycle cycle = new AssessmentCycle();
        cycle.id = UUID.randomUUID();
        cycle.name = request.name().trim();
        cycle.startsOn = request.startsOn();
        cycle.endsOn = request.endsOn();
        cycle.frameworkVersion = frameworks.current().version();
        cycle.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        cycle.participants.addAll(ids);
        em.persist(cycle);
        em.flush();
        return detail(cycle);
    }

    public Optional<AssessmentCycle> find(UUID id) {
        return Optional.ofNullable(em.find(AssessmentCycle.class, id));
    }

    /** The cycle, if the caller may see it: admins see every cycle, others those within their line. */
    public Optional<AssessmentCycle> findVisible(UUID id) {
        return find(id).filter(this::visible);
    }

    private boolean visible(AssessmentCycle cycle) {
        Optional<UUID> limitedTo = access.limitedTo();
        return limitedTo.isEmpty() || people.inLineOf(limitedTo.get(), cycle.participants).containsAll(cycle.participants);
    }

    public Optional<CycleDtos.CycleDetail> detail(UUID id) {
        return findVisible(id).map(this::detail);
    }

    /**
     * The cycles a person takes part in, newest first, with their self-assessment's state: one query.
     * Who may ask is the gateway's rule (the person and anyone above them, admins).
     */
    public List<CycleDtos.ParticipantCycle> ofParticipant(UUID personId, int limit) {
        boolean self = caller.personId().filter(personId::equals).isPresent();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.name, c.starts_on, c.ends_on, c.framework_version, s.id, s.status
                FROM assessment.cycle_participant cp
                JOIN assessment.assessment_cycle c ON c.id = cp.cycle_id
                LEFT JOIN LATERAL (
                    SELECT a.id, a.status FROM assessment.assessment a
                    WHERE a.cycle_id = c.id AND a.subject_id = cp.person_id AND a.kind = 'SELF'
                      AND (a.status = 'SUBMITTED' OR :self)
                    ORDER BY a.status = 'SUBMITTED' DESC, a.created_at DESC LIMIT 1) s ON true
                WHERE cp.person_id = :person
                ORDER BY c.starts_on DESC, c.created_at DESC, c.id
                LIMIT :limit""")
                .setParameter("person", personId).setParameter("self", self).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new CycleDtos.ParticipantCycle((UUID) r[0], (String) r[1],
                dev.ascent.kit.sql.SqlValues.localDate(r[2]),
                dev.ascent.kit.sql.SqlValues.localDate(r[3]), ((Number) r[4]).intValue(),
                r[6] == null ? "MISSING" : (String) r[6], (UUID) r[5])).toList();
    }

    public Page<CycleDtos.CycleSummary> list(String cursor, int limit) {
        KeysetCursor after = cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor);
        Optional<UUID> limitedTo = access.limitedTo();
        if (limitedTo.isPresent()) {
            return listWithin(limitedTo.get(), after, limit);
        }
        var query = after == null
                ? em.createQuery("from AssessmentCycle c order by c.createdAt, c.id", AssessmentCycle.class)
                : em.createQuery("from AssessmentCycle c where c.createdAt > :at or (c.createdAt = :at and c.id > :id) "
                        + "order by c.createdAt, c.id", AssessmentCycle.class)
                        .setParameter("at", after.createdAt()).setParameter("id", after.id());
        List<AssessmentCycle> rows = query.setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<AssessmentCycle> page = more ? rows.subList(0, limit) : rows;
        Map<UUID, Integer> counts = participantCounts(page.stream().map(c -> c.id).toList());
        String next = more ? KeysetCursor.after(page.getLast().createdAt, page.getLast().id).encode() : null;
        return new Page<>(page.stream().map(c -> new CycleDtos.CycleSummary(c.id, c.name, c.startsOn, c.endsOn,
                c.frameworkVersion, counts.getOrDefault(c.id, 0), c.createdAt)).toList(), next);
    }

    /**
     * Cycles within the caller's line (every participant below them), in creation order: one query
     * for the page, one for the participant counts.
     */
    private Page<CycleDtos.CycleSummary> listWithin(UUID manager, KeysetCursor after, int limit) {
        var query = em.createNativeQuery("""
                WITH RECURSIVE tree(id, depth) AS (
                    SELECT id, 1 FROM assessment.person WHERE manager_id = :manager
                    UNION ALL
                    SELECT p.id, t.depth + 1 FROM assessment.person p JOIN tree t ON p.manager_id = t.id
                    WHERE t.depth < 64)
                SELECT c.id, c.name, c.starts_on, c.ends_on, c.framework_version, c.created_at
                FROM assessment.assessment_cycle c
                WHERE NOT EXISTS (SELECT 1 FROM assessment.cycle_participant cp
                                  WHERE cp.cycle_id = c.id AND cp.person_id NOT IN (SELECT id FROM tree))
                """ + (after == null ? "" : "AND (c.created_at, c.id) > (:afterAt, :afterId)\n")
                + "ORDER BY c.created_at, c.id LIMIT :limit")
                .setParameter("manager", manager).setParameter("limit", limit + 1);
        if (after != null) {
            query.setParameter("afterAt", after.createdAt()).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> page = more ? rows.subList(0, limit) : rows;
        Map<UUID, Integer> counts = participantCounts(page.stream().map(r -> (UUID) r[0]).toList());
        List<CycleDtos.CycleSummary> items = page.stream().map(r -> new CycleDtos.CycleSummary((UUID) r[0],
                (String) r[1], dev.ascent.kit.sql.SqlValues.localDate(r[2]),
                dev.ascent.kit.sql.SqlValues.localDate(r[3]), ((Number) r[4]).intValue(),
                counts.getOrDefault((UUID) r[0], 0), dev.ascent.kit.sql.SqlValues.instant(r[5]))).toList();
        String next = more ? KeysetCursor.after(items.getLast().createdAt(), items.getLast().id()).encode() : null;
        return new Page<>(items, next);
    }

    @Transactional
    public CycleDtos.PeerInvitation invitePeer(UUID cycleId, CycleDtos.PeerInvitationRequest request) {
        // Decided on the subject alone, before the cycle is looked at: says nothing about the cycle.
        if (!access.adminOrAbove(request.subjectId())) {
            throw new ApiProblem(403, "forbidden", "Forbidden",
                    "Only a manager of this person (anyone above them in the line) or an admin invites their peers",
                    List.of());
        }
        if (caller.personId().filter(request.peerId()::equals).isPresent()) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "You cannot invite yourself as a peer",
                    List.of(new Problem.Violation("peerId", "is you")));
        }
        if (request.peerId().equals(request.subjectId())) {
            throw ApiProblem.invalidField("peerId", "a person cannot be their own peer reviewer");
        }
        AssessmentCycle cycle = findVisible(cycleId).orElseThrow(() -> ApiProblem.notFound("Cycle", cycleId));
        if (!cycle.participants.contains(request.subjectId())) {
            throw ApiProblem.invalidField("subjectId", "is not a participant of this cycle");
        }
        if (people.findById(request.peerId()) == null) {
            throw ApiProblem.invalidField("peerId", "no person has this id");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int inserted = em.createNativeQuery("""
                INSERT INTO assessment.peer_invitation (cycle_id, subject_id, peer_id, invited_at)
                VALUES (:cycle, :subject, :peer, :at) ON CONFLICT DO NOTHING""")
                .setParameter("cycle", cycleId).setParameter("subject", request.subjectId())
                .setParameter("peer", request.peerId()).setParameter("at", now)
                .executeUpdate();
        if (inserted == 0) {
            throw ApiProblem.conflict("already-invited", "This peer is already invited for this person", "peerId");
        }
        return new CycleDtos.PeerInvitation(cycleId, request.subjectId(), request.peerId(), now);
    }

    public boolean invited(UUID cycleId, UUID subjectId, UUID peerId) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM assessment.peer_invitation
                WHERE cycle_id = :cycle AND subject_id = :subject AND peer_id = :peer""")
                .setParameter("cycle", cycleId).setParameter("subject", subjectId).setParameter("peer", peerId)
                .getSingleResult()).intValue() > 0;
    }

    /** Completion of every participant, from two grouped queries however many participants. */
    private CycleDtos.CycleDetail detail(AssessmentCycle cycle) {
        Map<UUID, String> self = new HashMap<>();
        Map<UUID, String> manager = new HashMap<>();
        Map<UUID, Integer> peersSubmitted = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT subject_id, kind, bool_or(status = 'SUBMITTED'), count(*) FILTER (WHERE status = 'SUBMITTED')
                FROM assessment.assessment
                WHERE cycle_id = :cycle AND (status = 'SUBMITTED' OR assessor_id = :me)
                GROUP BY subject_id, kind""")
                // A draft is its author's alone: to anyone else it is still MISSING.
                .setParameter("cycle", cycle.id).setParameter("me", caller.personId().orElse(NOBODY))
                .getResultList();
        for (Object[] r : rows) {
            UUID subject = (UUID) r[0];
            String state = Boolean.TRUE.equals(r[2]) ? "SUBMITTED" : "DRAFT";
            switch ((String) r[1]) {
                case "SELF" -> self.put(subject, state);
                case "MANAGER" -> manager.put(subject, state);
                default -> peersSubmitted.put(subject, ((Number) r[3]).intValue());
            }
        }
        Map<UUID, Integer> peersInvited = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> invitations = em.createNativeQuery("""
                SELECT subject_id, count(*) FROM assessment.peer_invitation WHERE cycle_id = :cycle GROUP BY subject_id""")
                .setParameter("cycle", cycle.id).getResultList();
        invitations.forEach(r -> peersInvited.put((UUID) r[0], ((Number) r[1]).intValue()));

        List<CycleDtos.ParticipantStatus> statuses = cycle.participants.stream().sorted().map(id -> {
            String s = self.getOrDefault(id, "MISSING");
            String m = manager.getOrDefault(id, "MISSING");
            int invited = peersInvited.getOrDefault(id, 0);
            int submitted = Math.min(invited, peersSubmitted.getOrDefault(id, 0));
            return new CycleDtos.ParticipantStatus(id, s, m, invited, submitted,
                    s.equals("SUBMITTED") && m.equals("SUBMITTED") && submitted >= invited);
        }).toList();
        int complete = (int) statuses.stream().filter(CycleDtos.ParticipantStatus::complete).count();
        return new CycleDtos.CycleDetail(cycle.id, cycle.name, cycle.startsOn, cycle.endsOn, cycle.frameworkVersion,
                cycle.createdAt, complete, statuses);
    }

    private Map<UUID, Integer> participantCounts(List<UUID> cycleIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (cycleIds.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT cycle_id, count(*) FROM assessment.cycle_participant WHERE cycle_id = ANY(:ids) GROUP BY cycle_id""")
                .setParameter("ids", cycleIds.toArray(UUID[]::new)).getResultList();
        rows.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).intValue()));
        return counts;
    }
}
