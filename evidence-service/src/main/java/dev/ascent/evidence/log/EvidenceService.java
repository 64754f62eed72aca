package dev.ascent.evidence.log;

import dev.ascent.evidence.ids.TimeOrderedIds;
import dev.ascent.kit.paging.KeysetCursor;
import dev.ascent.kit.paging.Page;
import dev.ascent.kit.framework.PublishedFramework;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import dev.ascent.evidence.vocabulary.EvidenceSource;
import dev.ascent.evidence.vocabulary.EvidenceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The evidence log and its status flow. Who may act is decided here from the acting person the
 * resource passes in: an owner logs, edits, deletes and confirms their own evidence; someone else
 * verifies it. That the verifier manages the owner is enforced by the gateway once authentication
 * and reporting lines reach it (issue 6); this service records who verified and when.
 */
@ApplicationScoped
public class EvidenceService {

    private final EvidenceRepository evidence;
    private final StatusChangeRepository changes;

    private final PublishedFramework framework;

    public EvidenceService(EvidenceRepository evidence, StatusChangeRepository changes, PublishedFramework framework) {
        this.framework = framework;
        this.evidence = evidence;
        this.changes = changes;
    }

    /**
     * Logs an item by hand. The owner's own entry is confirmed at once (they vouch for it);
     * an entry made for someone else waits, suggested, for its owner to confirm it.
     */
    @Transactional
    public EvidenceResponse create(EvidenceRequest request, UUID actor) {
        Instant now = now();
        Evidence e = new Evidence();
        e.id = TimeOrderedIds.next();
        e.personId = request.personId();
        apply(e, request);
        e.source = EvidenceSource.MANUAL;
        e.createdBy = actor;
        e.createdAt = now;
        e.updatedAt = now;
        boolean own = actor.equals(request.personId());
        e.status = own ? EvidenceStatus.CONFIRMED : EvidenceStatus.SUGGESTED;
        if (own) {
            e.confirmedBy = actor;
            e.confirmedAt = now;
        }
        evidence.persist(e);
        record(e.id, null, e.status, actor, null, now);
        return EvidenceResponse.of(e);
    }

    public Optional<EvidenceResponse> find(UUID id) {
        return evidence.findByIdOptional(id).map(EvidenceResponse::of);
    }

    /** Only the owner edits. Editing verified work returns it to confirmed: the verifier saw other content. */
    @Transactional
    public EvidenceResponse update(UUID id, EvidenceRequest request, UUID actor) {
        Evidence e = owned(id, actor, "edit");
        if (!e.personId.equals(request.personId())) {
            throw ApiProblem.invalidField("personId", "the owner of an evidence item cannot change");
        }
        if (e.status == EvidenceStatus.REJECTED) {
            throw ApiProblem.conflict("invalid-status-transition", "Rejected evidence cannot be edited", "status");
        }
        Instant now = now();
        apply(e, request);
        e.updatedAt = now;
        if (e.status == EvidenceStatus.VERIFIED) {
            e.status = EvidenceStatus.CONFIRMED;
            e.verifiedBy = null;
            e.verifiedAt = null;
            record(e.id, EvidenceStatus.VERIFIED, EvidenceStatus.CONFIRMED, actor, "edited after verification", now);
        }
        return EvidenceResponse.of(e);
    }

    @Transactional
    public void delete(UUID id, UUID actor) {
        Evidence e = owned(id, actor, "delete");
        evidence.delete(e);
    }

    /** suggested → confirmed, by the owner only. */
    @Transactional
    public EvidenceResponse confirm(UUID id, UUID actor) {
        Evidence e = owned(id, actor, "confirm");
        Instant now = now();
        transition(e, EvidenceStatus.CONFIRMED, List.of(EvidenceStatus.SUGGESTED), actor, null, now);
        e.confirmedBy = actor;
        e.confirmedAt = now;
        return EvidenceResponse.of(e);
    }

    /**
     * confirmed → verified, by someone other than the owner. That the verifier is the owner's
     * manager is checked by the gateway from issue 6 on; here the verifier is recorded.
     */
    @Transactional
    public EvidenceResponse verify(UUID id, UUID actor) {
        Evidence e = existing(id);
        if (e.personId.equals(actor)) {
            throw forbidden("Nobody verifies their own evidence; a manager does");
        }
        Instant now = now();
        transition(e, EvidenceStatus.VERIFIED, List.of(EvidenceStatus.CONFIRMED), actor, null, now);
        e.verifiedBy = actor;
        e.verifiedAt = now;
        return EvidenceResponse.of(e);
    }

    /** suggested or confirmed → rejected, by the owner or a manager, with an optional reason. */
    @Transactional
    public EvidenceResponse reject(UUID id, UUID actor, String reason) {
        Evidence e = existing(id);
        Instant now = now();
        transition(e, EvidenceStatus.REJECTED, List.of(EvidenceStatus.SUGGESTED, EvidenceStatus.CONFIRMED),
                actor, reason, now);
        e.rejectedBy = actor;
        e.rejectedAt = now;
        return EvidenceResponse.of(e);
    }

    public List<StatusChangeResponse> history(UUID id) {
        existing(id);
        return changes.history(id).stream().map(StatusChangeResponse::of).toList();
    }

    public Page<EvidenceResponse> list(EvidenceFilter filter, String cursor, int limit) {
        if (filter.competency() != null) {
            framework.requireCompetency("competency", filter.competency());
        }
        KeysetCursor after = null;
        LocalDate afterDate = null;
        if (cursor != null && !cursor.isBlank()) {
            after = KeysetCursor.decode(cursor);
            try {
                afterDate = LocalDate.parse(after.key());
            } catch (DateTimeParseException ex) {
                throw KeysetCursor.invalid();
            }
        }
        // Read one extra row to learn whether another page follows, without a count query.
        List<Evidence> rows = evidence.page(filter, after, afterDate, limit + 1);
        boolean more = rows.size() > limit;
        List<Evidence> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new KeysetCursor(page.getLast().occurredAt.toString(), page.getLast().id).encode() : null;
        return new Page<>(page.stream().map(EvidenceResponse::of).toList(), next);
    }

    private void apply(Evidence e, EvidenceRequest request) {
        List<String> competencies = request.competencies();
        List<Problem.Violation> violations = framework.checkCompetencies("competencies", competencies);
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "validation-failed", "Invalid request", "The request has invalid fields", violations);
        }
        e.kind = request.kind();
        e.competencies = new LinkedHashSet<>(competencies).toArray(String[]::new);
        e.title = request.title().trim();
        e.summary = blankToNull(request.summary());
        e.links = request.links() == null ? new String[0] : request.links().stream().map(String::trim).toArray(String[]::new);
        e.impact = blankToNull(request.impact());
        e.occurredAt = request.occurredAt();
    }

    private void transition(Evidence e, EvidenceStatus to, List<EvidenceStatus> allowedFrom, UUID actor,
                            String reason, Instant now) {
        if (!allowedFrom.contains(e.status)) {
            throw ApiProblem.conflict("invalid-status-transition",
                    "Evidence that is " + e.status + " cannot become " + to, "status");
        }
        EvidenceStatus from = e.status;
        e.status = to;
        e.updatedAt = now;
        record(e.id, from, to, actor, reason, now);
    }

    private void record(UUID evidenceId, EvidenceStatus from, EvidenceStatus to, UUID actor, String reason, Instant at) {
        StatusChange change = new StatusChange();
        change.id = TimeOrderedIds.next();
        change.evidenceId = evidenceId;
        change.fromStatus = from;
        change.toStatus = to;
        change.actorId = actor;
        change.reason = blankToNull(reason);
        change.changedAt = at;
        changes.persist(change);
    }

    private Evidence existing(UUID id) {
        return evidence.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("Evidence", id));
    }

    private Evidence owned(UUID id, UUID actor, String action) {
        Evidence e = existing(id);
        if (!e.personId.equals(actor)) {
            throw forbidden("Only the owner of this evidence may " + action + " it");
        }
        return e;
    }

    private static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail, List.of());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Microsecond precision: what PostgreSQL keeps. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
