package dev.ascent.assessment.review;

import dev.ascent.kit.caller.Caller;
import dev.ascent.assessment.cycle.AssessmentCycle;
import dev.ascent.assessment.cycle.CycleService;
import dev.ascent.assessment.framework.Framework;
import dev.ascent.assessment.framework.FrameworkService;
import dev.ascent.assessment.people.PersonRepository;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Assessments (self, manager, invited peer) and calibrations, with who may write which. */
@ApplicationScoped
public class ReviewService {

    /** Stands for "no person" in queries that compare with the caller. */
    private static final UUID NOBODY = new UUID(0, 0);

    private final EntityManager em;
    private final CycleService cycles;
    private final FrameworkService frameworks;
    private final PersonRepository people;
    private final Caller caller;

    public ReviewService(EntityManager em, CycleService cycles, FrameworkService frameworks, PersonRepository people,
                         Caller caller) {
        this.em = em;
        this.cycles = cycles;
        this.frameworks = frameworks;
        this.people = people;
        this.caller = caller;
    }

    @Transactional
    public ReviewDtos.AssessmentResponse start(ReviewDtos.AssessmentRequest request) {
        UUID assessor = caller.requirePersonId();
        AssessmentCycle cycle = cycles.find(request.cycleId())
                .orElseThrow(() -> ApiProblem.invalidField("cycleId", "no cycle has this id"));
        if (!cycle.participants.contains(request.subjectId())) {
            throw ApiProblem.invalidField("subjectId", "is not a participant of this cycle");
        }
        switch (request.kind()) {
            case SELF -> {
                if (!assessor.equals(request.subjectId())) {
                    throw forbidden("A self-assessment can only be written by the person themselves");
                }
            }
            case MANAGER -> {
                if (!people.isAbove(assessor, request.subjectId())) {
                    throw forbidden("Only someone in this person's reporting line can write their manager assessment");
                }
            }
            case PEER -> {
                if (!cycles.invited(cycle.id, request.subjectId(), assessor)) {
                    throw forbidden("Peer assessments need an invitation for this person in this cycle");
                }
            }
        }
        Framework framework = frameworks.published(cycle.frameworkVersion);
        List<Assessment.Rating> ratings = ratings(request.ratings(), framework);
        boolean exists = !em.createQuery("select a.id from Assessment a where a.cycleId = :c and a.subjectId = :s "
                        + "and a.assessorId = :a and a.kind = :k", UUID.class)
                .setParameter("c", cycle.id).setParameter("s", request.subjectId()).setParameter("a", assessor)
                .setParameter("k", request.kind()).getResultList().isEmpty();
        if (exists) {
            throw new ApiProblem(409, "assessment-exists", "Conflict",
                    "You already have a " + request.kind() + " assessment of this person in this cycle; edit it instead",
                    List.of());
        }
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.cycleId = cycle.id;
        a.subjectId = request.subjectId();
        a.assessorId = assessor;
        a.kind = request.kind();
        a.status = Assessment.Status.DRAFT;
        a.frameworkVersion = framework.version();
        a.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        a.updatedAt = a.createdAt;
        a.ratings.addAll(ratings);
        em.persist(a);
        em.flush();
        return ReviewDtos.AssessmentResponse.of(a);
    }

    @Transactional
    public ReviewDtos.AssessmentResponse updateRatings(UUID id, ReviewDtos.RatingsUpdate update) {
        Assessment a = ownDraft(id);
        List<Assessment.Rating> ratings = ratings(update.ratings(), frameworks.published(a.frameworkVersion));
        a.ratings.clear();
        a.ratings.addAll(ratings);
        a.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.flush();
        return ReviewDtos.AssessmentResponse.of(a);
    }

    @Transactional
    public ReviewDtos.AssessmentResponse submit(UUID id) {
        Assessment a = ownDraft(id);
        if (a.kind == Assessment.Kind.PEER && !cycles.invited(a.cycleId, a.subjectId, a.assessorId)) {
            throw forbidden("Peer assessments need an invitation for this person in this cycle");
        }
        if (a.ratings.isEmpty()) {
            throw ApiProblem.invalidField("ratings", "rate at least one competency before submitting");
        }
        a.status = Assessment.Status.SUBMITTED;
        a.submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        a.updatedAt = a.submittedAt;
        em.flush();
        return ReviewDtos.AssessmentResponse.of(a);
    }

    /**
     * One assessment as the caller may see it. A draft is its author's alone: anyone else gets a 404,
     * except a call that acts for nobody (the gateway learning whose it is before it decides), which
     * gets its ids and status without its ratings. The person assessed never reads a peer's assessment
     * (only the aggregate, {@link #peerRatings}).
     */
    public Optional<ReviewDtos.AssessmentResponse> find(UUID id) {
        Assessment a = em.find(Assessment.class, id);
        if (a == null) {
            return Optional.empty();
        }
        Optional<UUID> me = caller.personId();
        boolean author = me.filter(a.assessorId::equals).isPresent();
        if (a.status == Assessment.Status.DRAFT && !author) {
            return me.isEmpty() ? Optional.of(ReviewDtos.AssessmentResponse.withoutRatings(a)) : Optional.empty();
        }
        if (a.kind == Assessment.Kind.PEER && !author && me.filter(a.subjectId::equals).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(ReviewDtos.AssessmentResponse.of(a));
    }

    /**
     * A person's assessments, newest first: submitted ones and the caller's own drafts. The person
     * themselves does not get their peers' assessments (who gave them stays hidden; {@link #peerRatings}
     * has the aggregate); their managers and admins do.
     */
    public List<ReviewDtos.AssessmentResponse> ofPerson(UUID subjectId, int limit) {
        UUID me = caller.personId().orElse(NOBODY);
        boolean subject = me.equals(subjectId);
        // No fetch join: with a row limit Hibernate would page in memory. Ratings load in batches instead.
        var query = em.createQuery("from Assessment a where a.subjectId = :s "
                        + "and (a.status = :submitted or a.assessorId = :me)"
                        + (subject ? " and a.kind <> :peer" : "") + " order by a.createdAt desc, a.id", Assessment.class)
                .setParameter("s", subjectId).setParameter("submitted", Assessment.Status.SUBMITTED)
                .setParameter("me", me);
        if (subject) {
            query.setParameter("peer", Assessment.Kind.PEER);
        }
        return query.setMaxResults(limit).getResultList().stream().map(ReviewDtos.AssessmentResponse::of).toList();
    }

    /**
     * What the person's invited peers said, per competency: how many rated it and the average, from
     * each peer's latest submitted rating (as readiness counts them). Never who. One statement.
     */
    public ReviewDtos.PeerRatings peerRatings(UUID subjectId) {
        if (people.findById(subjectId) == null) {
            throw ApiProblem.notFound("Person", subjectId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT competency, count(*), avg(rating) FROM (
                    SELECT DISTINCT ON (a.assessor_id, r.competency) r.competency, r.rating
                    FROM assessment.assessment a
                    JOIN assessment.assessment_rating r ON r.assessment_id = a.id
                    WHERE a.subject_id = :s AND a.kind = 'PEER' AND a.status = 'SUBMITTED'
                      AND EXISTS (SELECT 1 FROM assessment.peer_invitation i WHERE i.cycle_id = a.cycle_id
                                  AND i.subject_id = a.subject_id AND i.peer_id = a.assessor_id)
                    ORDER BY a.assessor_id, r.competency, a.submitted_at DESC) latest
                GROUP BY competency ORDER BY competency""")
                .setParameter("s", subjectId).getResultList();
        return new ReviewDtos.PeerRatings(subjectId, rows.stream().map(r -> new ReviewDtos.PeerRating((String) r[0],
                ((Number) r[1]).intValue(), Math.round(((Number) r[2]).doubleValue() * 100) / 100.0)).toList());
    }

    @Transactional
    public ReviewDtos.CalibrationResponse calibrate(ReviewDtos.CalibrationRequest request) {
        UUID calibrator = caller.requirePersonId();
        if (people.findById(request.subjectId()) == null) {
            throw ApiProblem.invalidField("subjectId", "no person has this id");
        }
        if (!people.isAbove(calibrator, request.subjectId())) {
            throw forbidden("Only someone in this person's reporting line can calibrate their ratings");
        }
        if (request.cycleId() != null && cycles.find(request.cycleId()).isEmpty()) {
            throw ApiProblem.invalidField("cycleId", "no cycle has this id");
        }
        Framework framework = frameworks.current();
        if (!framework.hasCompetency(request.competency())) {
            throw ApiProblem.invalidField("competency", "unknown competency in framework version " + framework.version());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO assessment.calibration
                    (id, subject_id, cycle_id, competency, rating, rationale, calibrated_by, framework_version, created_at)
                VALUES (:id, :subject, :cycle, :competency, :rating, :rationale, :by, :version, :at)""")
                .setParameter("id", id).setParameter("subject", request.subjectId())
                .setParameter("cycle", request.cycleId()).setParameter("competency", request.competency())
                .setParameter("rating", request.rating().shortValue()).setParameter("rationale", request.rationale().trim())
                .setParameter("by", calibrator).setParameter("version", framework.version()).setParameter("at", now)
                .executeUpdate();
        return new ReviewDtos.CalibrationResponse(id, request.subjectId(), request.cycleId(), request.competency(),
                request.rating(), request.rationale().trim(), calibrator, framework.version(), now);
    }

    /** Every calibration of a person, newest first: the first per competency is the one that counts. */
    public List<ReviewDtos.CalibrationResponse> calibrations(UUID subjectId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, subject_id, cycle_id, competency, rating, rationale, calibrated_by, framework_version, created_at
                FROM assessment.calibration WHERE subject_id = :s ORDER BY created_at DESC, id LIMIT :limit""")
                .setParameter("s", subjectId).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new ReviewDtos.CalibrationResponse((UUID) r[0], (UUID) r[1], (UUID) r[2],
                (String) r[3], ((Number) r[4]).intValue(), (String) r[5], (UUID) r[6], ((Number) r[7]).intValue(),
                dev.ascent.kit.sql.SqlValues.instant(r[8]))).toList();
    }

    private Assessment ownDraft(UUID id) {
        Assessment a = em.find(Assessment.class, id);
        if (a == null) {
            throw ApiProblem.notFound("Assessment", id);
        }
        if (!a.assessorId.equals(caller.requirePersonId())) {
            // Not revealing someone else's assessment: as far as the caller knows, it does not exist.
            throw ApiProblem.notFound("Assessment", id);
        }
        if (a.status == Assessment.Status.SUBMITTED) {
            throw new ApiProblem(409, "assessment-submitted", "Conflict",
                    "Submitted assessments cannot change", List.of());
        }
        return a;
    }

    private static List<Assessment.Rating> ratings(List<ReviewDtos.RatingInput> input, Framework framework) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Assessment.Rating> ratings = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            ReviewDtos.RatingInput r = input.get(i);
            if (!framework.hasCompetency(r.competency())) {
                violations.add(new Problem.Violation("ratings[" + i + "].competency",
                        "unknown competency in framework version " + framework.version()));
            } else if (!seen.add(r.competency())) {
                violations.add(new Problem.Violation("ratings[" + i + "].competency", "rated twice"));
            } else {
                ratings.add(new Assessment.Rating(r.competency(), r.rating().shortValue(), r.comment()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "validation-failed", "Invalid request", "The request has invalid fields", violations);
        }
        return ratings;
    }

    private static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail, List.of());
    }
}
