package dev.ascent.assessment.promotion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.assessment.framework.Framework;
import dev.ascent.assessment.framework.FrameworkService;
import dev.ascent.assessment.people.LineAccess;
import dev.ascent.assessment.people.Person;
import dev.ascent.assessment.people.PersonRepository;
import dev.ascent.assessment.readiness.ReadinessCalculator;
import dev.ascent.assessment.readiness.ReadinessDtos;
import dev.ascent.assessment.readiness.ReadinessService;
import dev.ascent.kit.caller.Caller;
import dev.ascent.kit.paging.KeysetCursor;
import dev.ascent.kit.paging.Page;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Promotion cases: opened from the record, argued, reviewed and decided, every step decided by
 * {@link CaseRules} on the caller's standing in the case and recorded with who and when.
 */
@ApplicationScoped
public class PromotionCaseService {

    static final CaseDtos.Prompts PERSON_PROMPTS = new CaseDtos.Prompts(
            "What did you do? The work, in your own words, that shows you already operate at the target level.",
            "What changed because of it? Outcomes for customers, the business or the team, with the evidence.",
            "What should we do next, and why? What this promotion would let you take on.");
    static final CaseDtos.Prompts MANAGER_PROMPTS = new CaseDtos.Prompts(
            "What did they do? What you saw first-hand that matches the target level's expectations.",
            "What was its impact? Beyond their own work: on the team, the product and the organisation.",
            "What should we do next, and why? The scope you would give them and the risk you see.");

    private final PromotionCaseRepository cases;
    private final PersonRepository people;
    private final ReadinessService readiness;
    private final FrameworkService frameworks;
    private final LineAccess access;
    private final Caller caller;
    private final NextPlans nextPlans;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public PromotionCaseService(PromotionCaseRepository cases, PersonRepository people, ReadinessService readiness,
                                FrameworkService frameworks, LineAccess access, Caller caller, NextPlans nextPlans,
                                ObjectMapper json) {
        this.cases = cases;
        this.people = people;
        this.readiness = readiness;
        this.frameworks = frameworks;
        this.access = access;
        this.caller = caller;
        this.nextPlans = nextPlans;
        this.json = json;
    }

    // ---- opening and the frozen record ------------------------------------------------------------

    public CaseDtos.CaseView open(CaseDtos.Open request) {
        UUID opener = caller.requirePersonId();
        Person person = people.findByIdOptional(request.personId())
                .orElseThrow(() -> ApiProblem.invalidField("personId", "no person has this id"));
        Set<CaseRules.Standing> standing = relation(person.id);
        if (standing.isEmpty()) {
            throw ApiProblem.forbidden("A case is opened by the person, a manager above them or an admin");
        }
        Framework framework = frameworks.current();
        String target = request.targetLevel() != null ? request.targetLevel()
                : Optional.ofNullable(person.targetLevel).or(() -> framework.nextLevel(person.level))
                .orElseThrow(() -> ApiProblem.invalidField("targetLevel",
                        "the person is at the top of the ladder; there is no level to be promoted to"));
        List<String> ladder = framework.levelCodes();
        if (!ladder.contains(target)) {
            throw ApiProblem.invalidField("targetLevel", "unknown level; expected one of " + ladder);
        }
        if (ladder.indexOf(target) <= ladder.indexOf(person.level)) {
            throw ApiProblem.invalidField("targetLevel", "must be above the person's level " + person.level);
        }
        CaseDtos.Snapshot snapshot = snapshot(person.id, target);
        return QuarkusTransaction.requiringNew().call(() -> {
            cases.lockPerson(person.id);
            cases.undecidedFor(person.id).ifPresent(open -> {
                throw new ApiProblem(409, "case-open", "Conflict", "An undecided case for this person exists: "
                        + open.id + "; decide it before opening another", List.of(new Problem.Violation("personId",
                        "has an undecided case " + open.id)));
            });
            Instant now = now();
            PromotionCase c = new PromotionCase();
            c.id = UUID.randomUUID();
            c.personId = person.id;
            c.openedBy = opener;
            c.fromLevel = person.level;
            c.targetLevel = target;
            c.status = CaseRules.Status.DRAFT;
            c.snapshot = write(snapshot);
            c.snapshotTakenAt = snapshot.takenAt();
            c.createdAt = now;
            c.updatedAt = now;
            cases.persist(c);
            cases.record(c.id, opener, "OPENED", person.level + " → " + target + ", readiness "
                    + snapshot.readinessPercent() + "% " + snapshot.status(), now);
            return view(c, standing);
        });
    }

    /**
     * Readiness for the target as it stands, with what a reviewer needs beside each competency: the
     * calibration's rationale and who calibrated, and the evidence that counted with its links and
     * who verified it. Refused while evidence-service cannot answer: a case argued on ratings alone
     * would be opinion.
     */
    CaseDtos.Snapshot snapshot(UUID personId, String target) {
        ReadinessDtos.Readiness r = readiness.forPerson(personId, target);
        if (!r.evidenceAvailable()) {
            throw ApiProblem.unavailable("evidence-service", Duration.ofSeconds(10));
        }
        Set<UUID> verifiers = new HashSet<>();
        for (ReadinessCalculator.CompetencyResult c : r.competencies()) {
            for (ReadinessCalculator.EvidenceItem item : c.evidence()) {
                if (item.verifiedBy() != null) {
                    verifiers.add(UUID.fromString(item.verifiedBy()));
                }
            }
        }
        Map<UUID, String> names = people.names(verifiers);
        Map<String, CaseDtos.Calibration> calibrations = cases.latestCalibrations(personId);
        List<CaseDtos.CompetencyRecord> records = new ArrayList<>();
        for (ReadinessCalculator.CompetencyResult c : r.competencies()) {
            List<CaseDtos.EvidenceItem> counted = c.evidence().stream()
                    .filter(item -> item.weight() > 0)
                    .sorted(Comparator.comparingDouble(ReadinessCalculator.EvidenceItem::weight).reversed()
                            .thenComparing(ReadinessCalculator.EvidenceItem::occurredAt, Comparator.reverseOrder()))
                    .map(item -> new CaseDtos.EvidenceItem(item.id(), item.title(), item.kind(), item.status(),
                            item.occurredAt(), item.weight(), item.links() == null ? List.of() : item.links(),
                            item.verifiedBy() == null ? null : new CaseDtos.Person(UUID.fromString(item.verifiedBy()),
                                    names.getOrDefault(UUID.fromString(item.verifiedBy()), "someone no longer listed"))))
                    .toList();
            records.add(new CaseDtos.CompetencyRecord(c.competency(), c.name(), c.focus(), c.expected(),
                    c.evidenceRequired(), c.selfRating(), c.managerRating(), c.peerRating(), c.calibratedRating(),
                    c.calibratedRating() == null ? null : calibrations.get(c.competency()), c.effectiveRating(),
                    c.evidenceStrength(), c.verdict().name(), counted));
        }
        return new CaseDtos.Snapshot(r.computedAt(), r.frameworkVersion(), r.currentLevel(), r.targetLevel(),
                r.targetTier(), r.readinessPercent(), r.status().name(), r.founderLed(),
                r.credibilityGate() == null ? null : r.credibilityGate().explanation(), records);
    }

    public CaseDtos.CaseView refresh(UUID caseId) {
        PromotionCase found = cases.findByIdOptional(caseId).orElseThrow(() -> ApiProblem.notFound("Promotion case", caseId));
        require(CaseRules.Action.REFRESH_SNAPSHOT, found);
        CaseDtos.Snapshot snapshot = snapshot(found.personId, found.targetLevel);
        return change(caseId, CaseRules.Action.REFRESH_SNAPSHOT, c -> {
            c.snapshot = write(snapshot);
            c.snapshotTakenAt = snapshot.takenAt();
            return new Change("SNAPSHOT_REFRESHED", "readiness " + snapshot.readinessPercent() + "% " + snapshot.status());
        });
    }

    // ---- arguing the case -------------------------------------------------------------------------

    public CaseDtos.CaseView writeNarrative(UUID caseId, CaseDtos.NarrativeText text) {
        UUID author = caller.requirePersonId();
        PromotionCase found = cases.findByIdOptional(caseId).orElseThrow(() -> ApiProblem.notFound("Promotion case", caseId));
        boolean own = found.personId.equals(author);
        CaseRules.Action action = own ? CaseRules.Action.WRITE_PERSON_NARRATIVE : CaseRules.Action.WRITE_MANAGER_NARRATIVE;
        String role = own ? "PERSON" : "MANAGER";
        return change(caseId, action, c -> {
            cases.narratives(caseId).stream()
                    .filter(n -> n.role().equals(role) && !n.authorId().equals(author))
                    .findFirst().ifPresent(n -> {
                        throw ApiProblem.forbidden("Another manager wrote the manager's narrative; only they change it");
                    });
            cases.writeNarrative(caseId, role, author, text, now());
            return new Change("NARRATIVE_WRITTEN", role);
        });
    }

    public CaseDtos.CaseView submit(UUID caseId) {
        return change(caseId, CaseRules.Action.SUBMIT, c -> {
            List<Problem.Violation> missing = new ArrayList<>();
            Map<String, PromotionCaseRepository.NarrativeRow> byRole = cases.narratives(caseId).stream()
                    .collect(Collectors.toMap(PromotionCaseRepository.NarrativeRow::role, n -> n));
            for (String role : List.of("PERSON", "MANAGER")) {
                PromotionCaseRepository.NarrativeRow n = byRole.get(role);
                String field = "narratives." + role;
                if (n == null) {
                    missing.add(new Problem.Violation(field, "not written yet"));
                    continue;
                }
                if (n.whatIDid().isBlank()) {
                    missing.add(new Problem.Violation(field + ".whatIDid", "must be answered"));
                }
                if (n.impact().isBlank()) {
                    missing.add(new Problem.Violation(field + ".impact", "must be answered"));
                }
                if (n.whatNext().isBlank()) {
                    missing.add(new Problem.Violation(field + ".whatNext", "must be answered"));
                }
            }
            if (!missing.isEmpty()) {
                throw new ApiProblem(409, "narratives-incomplete", "Conflict",
                        "Both narratives answer every prompt before a case is submitted", missing);
            }
            c.status = CaseRules.Status.SUBMITTED;
            c.submittedAt = now();
            return new Change("SUBMITTED", null);
        });
    }

    public CaseDtos.CaseView invite(UUID caseId, CaseDtos.Invitation invitation) {
        UUID inviter = caller.requirePersonId();
        return change(caseId, CaseRules.Action.INVITE_REVIEWER, c -> {
            UUID reviewer = invitation.reviewerId();
            Person invitee = people.findByIdOptional(reviewer)
                    .orElseThrow(() -> ApiProblem.invalidField("reviewerId", "no person has this id"));
            if (!people.isAbove(reviewer, c.personId)) {
                throw ApiProblem.invalidField("reviewerId", "a reviewer is a manager above the person in the line");
            }
            if (cases.isReviewer(caseId, reviewer)) {
                return null; // already invited: nothing changes
            }
            cases.invite(caseId, reviewer, inviter, now());
            c.status = CaseRules.afterInvitation(c.status);
            return new Change("REVIEWER_INVITED", invitee.name);
        });
    }

    public CaseDtos.CaseView comment(UUID caseId, CaseDtos.CommentText text) {
        UUID author = caller.requirePersonId();
        return change(caseId, CaseRules.Action.COMMENT, c -> {
            cases.addComment(UUID.randomUUID(), caseId, author, text.body(), now());
            return new Change("COMMENTED", null);
        });
    }

    public CaseDtos.CaseView editComment(UUID caseId, UUID commentId, CaseDtos.CommentText text) {
        UUID author = caller.requirePersonId();
        return change(caseId, CaseRules.Action.COMMENT, c -> {
            PromotionCaseRepository.CommentRow comment = cases.comments(caseId).stream()
                    .filter(r -> r.id().equals(commentId)).findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("Comment", commentId));
            if (!comment.authorId().equals(author)) {
                throw ApiProblem.forbidden("A comment is changed only by its author");
            }
            cases.editComment(commentId, text.body(), now());
            return new Change("COMMENT_EDITED", commentId.toString());
        });
    }

    // ---- the decision -----------------------------------------------------------------------------

    /**
     * Decides a case in review. PROMOTED moves the person to the target level and their target to
     * the level after it, in the same transaction as the decision; then the plan for the next target
     * begins in growth-plan-service, superseding the open plan, and its outcome is recorded on the
     * case. The decision stands whatever growth-plan-service answers.
     */
    public CaseDtos.CaseView decide(UUID caseId, CaseDtos.Decision decision) {
        UUID decider = caller.requirePersonId();
        String[] nextTarget = new String[1];
        UUID[] personId = new UUID[1];
        CaseDtos.CaseView decided = change(caseId, CaseRules.Action.DECIDE, c -> {
            Set<String> expected = read(c.snapshot).competencies().stream()
                    .map(CaseDtos.CompetencyRecord::competency).collect(Collectors.toSet());
            List<Problem.Violation> problems = CaseRules.decisionProblems(decision, expected);
            if (!problems.isEmpty()) {
                throw ApiProblem.invalidFields(problems);
            }
            Instant now = now();
            c.status = CaseRules.Status.DECIDED;
            c.outcome = decision.outcome();
            c.decisionRationale = decision.rationale();
            c.decisionGaps = write(decision.gaps() == null ? List.of() : decision.gaps());
            c.decidedBy = decider;
            c.decidedAt = now;
            if (decision.outcome() == CaseDtos.Outcome.PROMOTED) {
                Framework framework = frameworks.current();
                if (!framework.hasLevel(c.targetLevel)) {
                    throw ApiProblem.conflict("level-gone", "The published framework no longer has level "
                            + c.targetLevel + "; open a new case for one of " + framework.levelCodes(), "outcome");
                }
                Person person = people.findById(c.personId);
                String from = person.level;
                person.level = c.targetLevel;
                person.targetLevel = framework.nextLevel(c.targetLevel).orElse(null);
                person.updatedAt = now;
                nextTarget[0] = person.targetLevel;
                personId[0] = person.id;
                return new Change("DECIDED", decision.outcome().name(), new Change("LEVEL_MOVED", from + " → "
                        + person.level + (person.targetLevel == null ? "" : ", next target " + person.targetLevel)));
            }
            return new Change("DECIDED", decision.outcome().name());
        });
        if (nextTarget[0] == null) {
            return decided;
        }
        CaseDtos.NextPlan plan = nextPlans.begin(personId[0], nextTarget[0]);
        return QuarkusTransaction.requiringNew().call(() -> {
            PromotionCase c = cases.lock(caseId).orElseThrow();
            c.nextPlanId = plan.planId();
            c.nextPlanProblem = plan.problem();
            c.updatedAt = now();
            cases.record(caseId, decider, plan.planId() != null ? "NEXT_PLAN_BEGAN" : "NEXT_PLAN_NOT_BEGUN",
                    plan.planId() != null ? nextTarget[0] + " plan " + plan.planId() : plan.problem(), c.updatedAt);
            return view(c, relation(c.personId));
        });
    }

    // ---- reading ----------------------------------------------------------------------------------

    public CaseDtos.CaseView get(UUID caseId) {
        PromotionCase c = cases.findByIdOptional(caseId).orElseThrow(() -> ApiProblem.notFound("Promotion case", caseId));
        return view(c, require(CaseRules.Action.READ, c));
    }

    public Page<CaseDtos.CaseSummary> list(UUID personId, CaseRules.Status status, String cursor, int limit) {
        KeysetCursor after = cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor);
        Optional<UUID> viewer = access.isAdmin() ? Optional.empty() : Optional.of(caller.requirePersonId());
        List<PromotionCase> found = cases.visible(viewer, personId, status, after, limit + 1);
        boolean more = found.size() > limit;
        List<PromotionCase> page = more ? found.subList(0, limit) : found;
        Map<UUID, String> names = people.names(page.stream().map(c -> c.personId).toList());
        List<CaseDtos.CaseSummary> items = page.stream().map(c -> {
            CaseDtos.Snapshot s = read(c.snapshot);
            return new CaseDtos.CaseSummary(c.id, new CaseDtos.Person(c.personId, names.get(c.personId)), c.fromLevel,
                    c.targetLevel, c.status, c.outcome, s.readinessPercent(), s.status(), c.createdAt, c.updatedAt);
        }).toList();
        String next = more ? KeysetCursor.after(page.getLast().createdAt, page.getLast().id).encode() : null;
        return new Page<>(items, next);
    }

    // ---- the machinery ----------------------------------------------------------------------------

    /** What a change did, for the case's history ({@code null} when nothing changed), and what followed from it. */
    record Change(String action, String detail, Change then) {
        Change(String action, String detail) {
            this(action, detail, null);
        }
    }

    @FunctionalInterface
    interface Mutation {
        Change apply(PromotionCase locked);
    }

    /** Locks the case, checks the action against the caller's standing and status, applies it and records it. */
    private CaseDtos.CaseView change(UUID caseId, CaseRules.Action action, Mutation mutation) {
        UUID actor = caller.requirePersonId();
        return QuarkusTransaction.requiringNew().call(() -> {
            PromotionCase c = cases.lock(caseId).orElseThrow(() -> ApiProblem.notFound("Promotion case", caseId));
            Set<CaseRules.Standing> relation = require(action, c);
            Change change = mutation.apply(c);
            Instant now = now();
            for (Change recorded = change; recorded != null; recorded = recorded.then()) {
                c.updatedAt = now;
                cases.record(c.id, actor, recorded.action(), recorded.detail(), now);
            }
            return view(c, relation);
        });
    }

    /**
     * Refuses the action unless the caller's standing and the case's status allow it; answers the
     * caller's relation to the person (ADMIN, PERSON, ABOVE), which the answer's view reuses.
     */
    private Set<CaseRules.Standing> require(CaseRules.Action action, PromotionCase c) {
        Set<CaseRules.Standing> relation = relation(c.personId);
        boolean reviewer = caller.personId().map(me -> cases.isReviewer(c.id, me)).orElse(false);
        Optional<CaseRules.Refusal> refusal = CaseRules.check(action, reviewing(relation, reviewer), c.status);
        if (refusal.isPresent()) {
            CaseRules.Refusal r = refusal.get();
            throw switch (r.status()) {
                case 404 -> ApiProblem.notFound("Promotion case", c.id);
                case 403 -> ApiProblem.forbidden(capitalised(r.reason()));
                default -> new ApiProblem(409, "case-status", "Conflict", capitalised(r.reason()),
                        List.of(new Problem.Violation("status", r.reason())));
            };
        }
        return relation;
    }

    /** The caller's relation to {@code personId}: ADMIN, PERSON, ABOVE (reviewing is a matter of the case). */
    private Set<CaseRules.Standing> relation(UUID personId) {
        Set<CaseRules.Standing> standing = EnumSet.noneOf(CaseRules.Standing.class);
        if (access.isAdmin()) {
            standing.add(CaseRules.Standing.ADMIN);
        }
        Optional<UUID> me = caller.personId();
        if (me.isEmpty()) {
            return standing;
        }
        if (me.get().equals(personId)) {
            standing.add(CaseRules.Standing.PERSON);
        } else if (people.isAbove(me.get(), personId)) {
            standing.add(CaseRules.Standing.ABOVE);
        }
        return standing;
    }

    private static Set<CaseRules.Standing> reviewing(Set<CaseRules.Standing> relation, boolean reviewer) {
        if (!reviewer) {
            return relation;
        }
        Set<CaseRules.Standing> standing = EnumSet.of(CaseRules.Standing.REVIEWER);
        standing.addAll(relation);
        return standing;
    }

    /** The case as the caller sees it: each part in one statement, and every name in one more. */
    private CaseDtos.CaseView view(PromotionCase c, Set<CaseRules.Standing> relation) {
        List<PromotionCaseRepository.NarrativeRow> narratives = cases.narratives(c.id);
        List<PromotionCaseRepository.ReviewerRow> reviewers = cases.reviewers(c.id);
        List<PromotionCaseRepository.CommentRow> comments = cases.comments(c.id);
        List<PromotionCaseRepository.EventRow> events = cases.events(c.id);
        Set<UUID> ids = new HashSet<>();
        ids.add(c.personId);
        ids.add(c.openedBy);
        if (c.decidedBy != null) {
            ids.add(c.decidedBy);
        }
        narratives.forEach(n -> ids.add(n.authorId()));
        reviewers.forEach(r -> {
            ids.add(r.reviewerId());
            ids.add(r.invitedBy());
        });
        comments.forEach(r -> ids.add(r.authorId()));
        events.stream().map(PromotionCaseRepository.EventRow::actorId).filter(java.util.Objects::nonNull).forEach(ids::add);
        // the reviewers were just read, so whether the caller is one needs no statement of its own
        boolean reviewer = caller.personId().map(me -> reviewers.stream().anyMatch(r -> r.reviewerId().equals(me)))
                .orElse(false);
        Set<CaseRules.Action> allowed = CaseRules.allowed(reviewing(relation, reviewer), c.status);
        List<UUID> candidates = List.of();
        if (allowed.contains(CaseRules.Action.INVITE_REVIEWER)) {
            Set<UUID> invited = reviewers.stream().map(PromotionCaseRepository.ReviewerRow::reviewerId)
                    .collect(Collectors.toSet());
            candidates = people.managersOf(c.personId).stream().filter(id -> !invited.contains(id)).toList();
            ids.addAll(candidates);
        }
        Map<UUID, String> names = people.names(ids);

        List<CaseDtos.Narrative> narrativeViews = new ArrayList<>();
        for (String role : List.of("PERSON", "MANAGER")) {
            CaseDtos.Prompts prompts = role.equals("PERSON") ? PERSON_PROMPTS : MANAGER_PROMPTS;
            narrativeViews.add(narratives.stream().filter(n -> n.role().equals(role)).findFirst()
                    .map(n -> new CaseDtos.Narrative(role, person(n.authorId(), names), prompts, n.whatIDid(),
                            n.impact(), n.whatNext(), n.updatedAt()))
                    .orElse(new CaseDtos.Narrative(role, null, prompts, "", "", "", null)));
        }
        CaseDtos.DecisionRecord decision = c.outcome == null ? null : new CaseDtos.DecisionRecord(c.outcome,
                c.decisionRationale, readGaps(c.decisionGaps), person(c.decidedBy, names), c.decidedAt);
        CaseDtos.NextPlan nextPlan = c.nextPlanId == null && c.nextPlanProblem == null ? null
                : new CaseDtos.NextPlan(c.nextPlanId, c.nextPlanProblem);
        return new CaseDtos.CaseView(c.id, person(c.personId, names), person(c.openedBy, names), c.fromLevel,
                c.targetLevel, c.status, read(c.snapshot), narrativeViews,
                reviewers.stream().map(r -> new CaseDtos.Reviewer(person(r.reviewerId(), names),
                        person(r.invitedBy(), names), r.invitedAt())).toList(),
                comments.stream().map(r -> new CaseDtos.Comment(r.id(), person(r.authorId(), names), r.body(),
                        r.createdAt(), r.updatedAt())).toList(),
                decision, nextPlan, allowed, candidates.stream().map(id -> person(id, names)).toList(),
                events.stream().map(e -> new CaseDtos.Event(e.actorId() == null ? null : person(e.actorId(), names),
                        e.action(), e.detail(), e.at())).toList(),
                c.createdAt, c.submittedAt, c.updatedAt);
    }

    private static CaseDtos.Person person(UUID id, Map<UUID, String> names) {
        return id == null ? null : new CaseDtos.Person(id, names.get(id));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CaseDtos.Snapshot read(String snapshot) {
        try {
            return json.readValue(snapshot, CaseDtos.Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable case snapshot", e);
        }
    }

    private List<CaseDtos.Gap> readGaps(String gaps) {
        try {
            return gaps == null ? List.of() : json.readValue(gaps, new TypeReference<List<CaseDtos.Gap>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable decision gaps", e);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
