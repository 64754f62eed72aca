package dev.ascent.growthplan.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ascent.growthplan.GrowthPlanConfig;
import dev.ascent.growthplan.evidence.CountsRequest;
import dev.ascent.growthplan.evidence.EvidenceCounter;
import dev.ascent.growthplan.evidence.EvidenceCounts;
import dev.ascent.kit.paging.KeysetCursor;
import dev.ascent.kit.paging.Page;
import dev.ascent.growthplan.playbook.ExpectedEvidence;
import dev.ascent.growthplan.playbook.PlaybookAction;
import dev.ascent.growthplan.playbook.PlaybookFormats;
import dev.ascent.growthplan.playbook.PlaybookService;
import dev.ascent.growthplan.playbook.PublishedPlaybook;
import dev.ascent.growthplan.plan.PlanResponses.ActionView;
import dev.ascent.growthplan.plan.PlanResponses.CheckInView;
import dev.ascent.growthplan.plan.PlanResponses.EvidenceView;
import dev.ascent.growthplan.plan.PlanResponses.PersonStatus;
import dev.ascent.growthplan.plan.PlanResponses.PlanSummary;
import dev.ascent.growthplan.plan.PlanResponses.PlanView;
import dev.ascent.kit.caller.Caller;
import dev.ascent.kit.framework.PublishedFramework;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.growthplan.readiness.Readiness;
import dev.ascent.growthplan.readiness.ReadinessReader;
import dev.ascent.growthplan.readiness.ReadinessReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Generates plans from readiness, keeps their life cycle, and measures their progress from
 * evidence. Remote calls happen outside database transactions; writes are transactional.
 */
@ApplicationScoped
public class PlanService {

    private static final TypeReference<List<ExpectedEvidence>> EXPECTED = new TypeReference<>() {
    };

    private final PlanRepository plans;
    private final PlaybookService playbooks;
    private final PlaybookFormats json;
    private final ReadinessReader readinessReader;
    private final EvidenceCounter evidenceCounter;
    private final GrowthPlanConfig config;
    private final Clock clock;
    private final PlanGenerator generator;
    private final Caller caller;
    private final PublishedFramework publishedFramework;
    private final PlanActionsReadModel actionsRead;

    public PlanService(PlanRepository plans, PlaybookService playbooks, PlaybookFormats json,
                       ReadinessReader readinessReader, EvidenceCounter evidenceCounter, GrowthPlanConfig config,
                       Clock clock, Caller caller, PublishedFramework publishedFramework) {
        this.publishedFramework = publishedFramework;
        this.caller = caller;
        this.plans = plans;
        this.playbooks = playbooks;
        this.json = json;
        this.readinessReader = readinessReader;
        this.evidenceCounter = evidenceCounter;
        this.config = config;
        this.clock = clock;
        this.actionsRead = new PlanActionsReadModel(config.plans().actionsReadModelPlans());
        this.generator = new PlanGenerator(new PlanGenerator.Settings(config.plans().maxFocusCompetencies(),
                config.plans().actionsPerCompetency(), config.plans().targetFocusWeight()));
    }

    // ---- generation -----------------------------------------------------------------------------

    /** The playbook's actions as the person's framework reads them (levels it does not have restrict nobody). */
    private List<PlaybookAction> actionsFor(PublishedPlaybook playbook, Readiness readiness) {
        List<String> levels = publishedFramework.atLeast(Objects.requireNonNullElse(readiness.frameworkVersion(), 0))
                .levelCodes();
        return playbook.document().actions().stream().map(a -> a.forFramework(levels)).toList();
    }

    /**
     * Reads readiness, generates a plan and stores it as a draft; any open plan of the person is
     * superseded by it (and kept). Needs both assessment-service and evidence-service: without
     * evidence the gaps would be judged on ratings alone, so generation answers 503 instead.
     */
    public PlanView generate(UUID personId, String targetLevel, Integer horizonDays) {
        return generate(personId, targetLevel, horizonDays, "personId", null);
    }

    /** Regenerates an open plan with the same target; the old one is superseded and kept. */
    public Optional<PlanView> regenerate(UUID planId, Integer horizonDays) {
        Plan old = plans.findById(planId);
        if (old == null) {
            return Optional.empty();
        }
        if (!old.status.open()) {
            throw ApiProblem.conflict("plan-closed", "Only a draft or active plan can be regenerated; this one is "
                    + old.status, "status");
        }
        return Optional.of(generate(old.personId, old.targetLevel,
                horizonDays == null ? old.horizonDays : horizonDays, "planId", old.id));
    }

    private PlanView generate(UUID personId, String targetLevel, Integer horizonDays, String personField,
                              UUID replacing) {
        int horizon = horizonDays == null ? config.plans().defaultHorizonDays() : horizonDays;
        ReadinessReport report = readinessReader.readiness(personId, targetLevel)
                .orElseThrow(() -> ApiProblem.invalidField(personField, "no person has this id"));
        Readiness readiness = report.readiness();
        if (!readiness.evidenceAvailable()) {
            // assessment-service could not reach evidence-service either: its gaps are ratings only.
            throw ApiProblem.unavailable("evidence-service", config.remote().retryAfter());
        }
        if (readiness.targetLevel() == null || readiness.targetTier() == null) {
            throw new ApiProblem(422, "no-target-level", "Nothing to plan",
                    "assessment-service names no target level for this person", List.of());
        }
        LocalDate today = LocalDate.now(clock);
        List<EvidenceCounts.Count> baseline = evidenceCounter.counts(List.of(new CountsRequest.Window(personId, today)))
                .orElseThrow(() -> ApiProblem.unavailable("evidence-service", config.remote().retryAfter()));
        PublishedPlaybook playbook = playbooks.current()
                .orElseThrow(() -> new ApiProblem(503, "playbook-missing", "Service unavailable",
                        "No playbook has been published yet", List.of()));

        PlanGenerator.GeneratedPlan generated = generator.generate(new PlanGenerator.Request(
                Objects.requireNonNullElse(readiness.currentTier(), ""),
                Objects.requireNonNullElse(readiness.currentLevel(), ""), readiness.targetFocus(),
                readiness.founderLed(), readiness.credibilityMissing(), gaps(readiness), today, horizon),
                actionsFor(playbook, readiness));
        if (generated.actions().isEmpty()) {
            throw new ApiProblem(422, "nothing-to-plan", "Nothing to plan", generated.uncovered().isEmpty()
                    ? "Every competency expected at " + readiness.targetLevel() + " is already demonstrated"
                    : "The playbook has no action suiting tier " + readiness.currentTier() + " and level "
                            + readiness.currentLevel() + " that fits " + horizon + " days for "
                            + generated.uncovered(), List.of());
        }
        Plan plan = store(personId, readiness, report.snapshot(), playbook, generated, today, horizon, replacing);
        List<PlanAction> actions = plans.actions(plan.id);
        return view(plan, actions, expected(actions), Optional.of(baseline), true);
    }

    @Transactional
    Plan store(UUID personId, Readiness readiness, JsonNode snapshot, PublishedPlaybook playbook,
               PlanGenerator.GeneratedPlan generated, LocalDate today, int horizon, UUID replacing) {
        plans.lockPerson(personId);
        List<Plan> open = plans.open(personId);
        if (replacing != null && open.stream().noneMatch(p -> p.id.equals(replacing))) {
            throw ApiProblem.conflict("plan-closed", "The plan was closed or replaced meanwhile", "status");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        for (Plan previous : open) {
            previous.status = PlanStatus.SUPERSEDED;
            previous.updatedAt = now;
        }
        // Leave no two open plans, even for a moment: the database allows one per person.
        plans.flush();

        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.personId = personId;
        plan.currentLevel = Objects.requireNonNullElse(readiness.currentLevel(), "");
        plan.currentTier = Objects.requireNonNullElse(readiness.currentTier(), "");
        plan.targetLevel = readiness.targetLevel();
        plan.targetTier = readiness.targetTier();
        plan.founderLed = readiness.founderLed();
        plan.status = PlanStatus.DRAFT;
        plan.horizonDays = horizon;
        plan.startsOn = today;
        plan.endsOn = generated.endsOn();
        plan.frameworkVersion = Objects.requireNonNullElse(readiness.frameworkVersion(), 0);
        plan.playbookVersion = playbook.version();
        plan.readinessSnapshot = snapshot.toString();
        plan.focus = json.toJson(new PlanFocus(generated.focus().stream()
                .map(f -> new PlanFocus.Competency(f.competency(), f.score(), f.rank())).toList(), generated.uncovered()));
        plan.supersedesId = open.isEmpty() ? null : open.getLast().id;
        plan.createdAt = now;
        plan.updatedAt = now;
        plans.persist(plan);
        for (PlanGenerator.PlannedAction planned : generated.actions()) {
            PlanAction action = new PlanAction();
            action.id = UUID.randomUUID();
            action.planId = plan.id;
            action.position = planned.position();
            copy(planned.action(), action);
            action.dueOn = planned.dueOn();
            plans.getEntityManager().persist(action);
        }
        for (Plan previous : open) {
            previous.supersededById = plan.id;
        }
        return plan;
    }

    private static List<PlanGenerator.Gap> gaps(Readiness readiness) {
        if (readiness.competencies() == null) {
            return List.of();
        }
        return readiness.competencies().stream()
                .filter(c -> c.competency() != null)
                .map(c -> new PlanGenerator.Gap(c.competency(), Objects.requireNonNullElse(c.focus(), ""),
                        Objects.requireNonNullElse(c.ratingGap(), 0.0), Objects.requireNonNullElse(c.evidenceGap(), 0.0),
                        "DEMONSTRATED".equals(c.verdict())))
                .toList();
    }

    private void copy(PlaybookAction from, PlanAction to) {
        to.actionCode = from.code();
        to.competency = from.competency();
        to.category = from.category();
        to.title = from.title();
        to.expectedEvidence = json.toJson(from.evidence());
    }

    // ---- reading --------------------------------------------------------------------------------

    /** A plan with live progress; when evidence-service is down the progress is marked stale. */
    public Optional<PlanView> find(UUID id) {
        return find(id, true);
    }

    /** @param withSnapshot whether the view carries the readiness answer the plan was generated from */
    private Optional<PlanView> find(UUID id, boolean withSnapshot) {
        Plan plan = plans.findById(id);
        if (plan == null) {
            return Optional.empty();
        }
        List<PlanAction> actions = plans.actions(id);
        // Each action's expected evidence is read from its JSON once, for the counts asked and the view.
        List<List<ExpectedEvidence>> expected = expected(actions);
        return Optional.of(view(plan, actions, expected, evidenceCounter.counts(List.of(
                new CountsRequest.Window(plan.personId, plan.startsOn, PlanActionsReadModel.tagsOf(expected)))), withSnapshot));
    }

    /**
     * A person's current plan (the one {@link #bulkStatus} names) with its progress, in one request: the
     * overview used to ask for the status, then the plan, counting the person's evidence twice. Without
     * the snapshot, {@code readinessSnapshot} is null: the overview shows readiness as it is now, and the
     * snapshot was a third of its bytes, parsed and written again at every hop.
     */
    public Optional<PlanView> current(UUID personId, boolean withSnapshot) {
        return plans.current(List.of(personId)).stream().findFirst().flatMap(plan -> find(plan.id(), withSnapshot));
    }

    public Page<PlanSummary> history(UUID personId, String cursor, int limit) {
        List<Plan> rows = plans.page(personId, KeysetCursor.decode(cursor), limit + 1);
        boolean more = rows.size() > limit;
        List<Plan> page = more ? rows.subList(0, limit) : rows;
        String next = more ? KeysetCursor.after(page.getLast().createdAt, page.getLast().id).encode() : null;
        return new Page<>(page.stream().map(p -> new PlanSummary(p.id, p.personId, p.status, p.targetLevel,
                p.startsOn, p.endsOn, p.playbookVersion, p.supersedesId, p.supersededById, p.createdAt)).toList(), next);
    }

    /** @param expected each action's expected evidence, in the actions' order */
    private PlanView view(Plan plan, List<PlanAction> actions, List<List<ExpectedEvidence>> expected,
                          Optional<List<EvidenceCounts.Count>> counts, boolean withSnapshot) {
        Optional<ProgressCalculator.Progress> progress = counts.map(c -> ProgressCalculator.compute(expected,
                countsFor(plan.personId, c)));
        Map<String, PlaybookAction> catalogue = playbooks.version(plan.playbookVersion)
                .map(p -> p.document().actions().stream()
                        .collect(Collectors.toMap(PlaybookAction::code, Function.identity(), (a, b) -> a)))
                .orElse(Map.of());

        List<ActionView> views = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            PlanAction action = actions.get(i);
            PlaybookAction source = catalogue.get(action.actionCode);
            int index = i;
            ProgressCalculator.ActionProgress ap = progress.map(p -> p.actions().get(index)).orElse(null);
            List<EvidenceView> evidence = new ArrayList<>();
            for (int e = 0; e < expected.get(i).size(); e++) {
                ExpectedEvidence item = expected.get(i).get(e);
                evidence.add(new EvidenceView(item.kind(), item.competency(), item.tag(), item.count(),
                        ap == null ? null : ap.items().get(e).matched()));
            }
            views.add(new ActionView(action.id, action.position, action.actionCode, action.competency,
                    action.category, action.title, source == null ? null : source.why(),
                    source == null ? null : source.how(), source == null ? null : source.artefact(),
                    source == null ? null : source.durationDays(), action.dueOn, ap == null ? null : ap.done(),
                    evidence, action.swappedFrom));
        }
        PlanFocus focus = json.fromJson(plan.focus, PlanFocus.class);
        return new PlanView(plan.id, plan.personId, plan.status, plan.currentLevel, plan.currentTier,
                plan.targetLevel, plan.targetTier, plan.founderLed, plan.horizonDays, plan.startsOn, plan.endsOn,
                plan.frameworkVersion, plan.playbookVersion, focus.competencies(), focus.uncovered(),
                progress.isEmpty(), progress.map(ProgressCalculator.Progress::percent).orElse(null),
                progress.map(ProgressCalculator.Progress::actionsDone).orElse(null), actions.size(), views,
                plan.supersedesId, plan.supersededById,
                withSnapshot ? json.fromJson(plan.readinessSnapshot, JsonNode.class) : null,
                plan.createdAt, plan.updatedAt);
    }

    private List<List<ExpectedEvidence>> expected(List<PlanAction> actions) {
        return actions.stream().map(a -> expected(a.expectedEvidence)).toList();
    }

    private List<ExpectedEvidence> expected(String stored) {
        return json.fromJson(stored, EXPECTED);
    }

    private static Map<String, Integer> countsFor(UUID personId, List<EvidenceCounts.Count> counts) {
        Map<String, Integer> mine = new HashMap<>();
        for (EvidenceCounts.Count c : counts) {
            if (personId.equals(c.personId())) {
                mine.merge(c.tag() == null ? ProgressCalculator.key(c.kind(), c.competency())
                        : ProgressCalculator.key(c.kind(), c.competency(), c.tag()), c.count(), Integer::sum);
            }
        }
        return mine;
    }

    // ---- life cycle -----------------------------------------------------------------------------

    /** Moves a plan along its life cycle; false when there is no such plan. Read it again with {@link #find}. */
    @Transactional
    public boolean changeStatus(UUID id, PlanStatus next) {
        Plan plan = plans.findById(id);
        if (plan == null) {
            return false;
        }
        if (!plan.status.canMoveTo(next)) {
            throw ApiProblem.conflict("invalid-transition",
                    "A " + plan.status + " plan cannot become " + next, "status");
        }
        plan.status = next;
        plan.updatedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        plans.flush();
        return true;
    }

    /**
     * Replaces one action with another of the plan's playbook version for the same competency;
     * position and due date stay. False when there is no such plan or action.
     */
    @Transactional
    public boolean swap(UUID planId, UUID actionId, String newCode) {
        Plan plan = plans.findById(planId);
        PlanAction action = plan == null ? null : plans.action(planId, actionId);
        if (action == null) {
            return false;
        }
        if (!plan.status.open()) {
            throw ApiProblem.conflict("plan-closed", "Actions of a " + plan.status + " plan cannot change", "status");
        }
        PlaybookAction replacement = playbooks.version(plan.playbookVersion)
                .flatMap(p -> p.document().action(newCode))
                .orElseThrow(() -> ApiProblem.invalidField("actionCode",
                        "playbook version " + plan.playbookVersion + " has no action " + newCode));
        if (!replacement.competency().equals(action.competency)) {
            throw ApiProblem.invalidField("actionCode", "must build the same competency (" + action.competency + ")");
        }
        List<PlanAction> actions = plans.actions(planId);
        if (actions.stream().anyMatch(a -> a.actionCode.equals(newCode))) {
            throw ApiProblem.conflict("action-in-plan", "The plan already has action " + newCode, "actionCode");
        }
        action.swappedFrom = action.actionCode;
        copy(replacement, action);
        plan.updatedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        plans.flush();
        return true;
    }

    // ---- check-ins ------------------------------------------------------------------------------

    @Transactional
    public Optional<CheckInView> checkIn(UUID planId, PlanRequests.NewCheckIn request) {
        Plan plan = plans.findById(planId);
        if (plan == null) {
            return Optional.empty();
        }
        UUID author = caller.requirePersonId();
        AuthorRole role = authorRole(author, plan);
        if (request.authorRole() != null && request.authorRole() != role) {
            throw ApiProblem.invalidField("authorRole",
                    "you write this check-in as " + role + "; send that or leave authorRole out");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date = request.date() == null ? today : request.date();
        if (date.isAfter(today)) {
            throw ApiProblem.invalidField("date", "must not be in the future");
        }
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.planId = planId;
        checkIn.authorId = author;
        checkIn.authorRole = role;
        checkIn.note = request.note().strip();
        checkIn.onDate = date;
        checkIn.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        plans.getEntityManager().persist(checkIn);
        return Optional.of(view(checkIn));
    }

    /**
     * The caller writes as PERSON on their own plan, else as MANAGER when they hold the manager role:
     * this service cannot see reporting lines, and the gateway lets only the plan's owner, someone
     * above them in the line or an admin reach a plan at all. Anyone else is refused.
     */
    private AuthorRole authorRole(UUID author, Plan plan) {
        if (author.equals(plan.personId)) {
            return AuthorRole.PERSON;
        }
        if (caller.hasRole("manager")) {
            return AuthorRole.MANAGER;
        }
        throw new ApiProblem(403, "forbidden", "Forbidden",
                "Check-ins are written by the plan's owner or their manager", java.util.List.of());
    }

    public Optional<Page<CheckInView>> checkIns(UUID planId, String cursor, int limit) {
        if (plans.findById(planId) == null) {
            return Optional.empty();
        }
        List<CheckIn> rows = plans.checkIns(planId, KeysetCursor.decode(cursor), limit + 1);
        boolean more = rows.size() > limit;
        List<CheckIn> page = more ? rows.subList(0, limit) : rows;
        String next = more ? KeysetCursor.after(page.getLast().createdAt, page.getLast().id).encode() : null;
        return Optional.of(new Page<>(page.stream().map(PlanService::view).toList(), next));
    }

    private static CheckInView view(CheckIn c) {
        return new CheckInView(c.id, c.planId, c.authorId, c.authorRole, c.note, c.onDate, c.createdAt);
    }

    // ---- bulk -----------------------------------------------------------------------------------

    /**
     * Current plan and progress of many people: two SQL statements (current plans, the actions of those
     * not kept in {@link PlanActionsReadModel} at their version) and one evidence-service call, however
     * many people are named.
     */
    public PlanResponses.BulkStatus bulkStatus(List<UUID> personIds) {
        List<UUID> people = List.copyOf(new LinkedHashSet<>(personIds));
        Map<UUID, PlanRepository.CurrentPlan> current = plans.current(people).stream()
                .collect(Collectors.toMap(PlanRepository.CurrentPlan::personId, Function.identity(), (a, b) -> a));
        Map<UUID, PlanActionsReadModel.Kept> actionsByPlan = new HashMap<>();
        Map<UUID, Long> stale = new HashMap<>();
        for (PlanRepository.CurrentPlan plan : current.values()) {
            PlanActionsReadModel.Kept known = actionsRead.current(plan.id(), plan.version());
            if (known == null) {
                stale.put(plan.id(), plan.version());
            } else {
                actionsByPlan.put(plan.id(), known);
            }
        }
        // The actions of plans not read at their current version, in one statement (one whatever their
        // number, none at all included). Plans are made from one playbook, so the same few action
        // documents recur across thousands of plans: each distinct document is parsed once, and plans
        // share the parsed list, which nothing changes.
        Map<String, List<ExpectedEvidence>> parsed = new HashMap<>();
        Map<UUID, List<List<ExpectedEvidence>>> read = new HashMap<>();
        for (PlanRepository.ActionEvidence row : plans.actionEvidence(stale.keySet())) {
            read.computeIfAbsent(row.planId(), k -> new ArrayList<>())
                    .add(parsed.computeIfAbsent(row.expectedEvidence(), this::expected));
        }
        stale.forEach((planId, version) ->
                actionsByPlan.put(planId, actionsRead.remember(planId, version, read.getOrDefault(planId, List.of()))));
        Optional<List<EvidenceCounts.Count>> counts = evidenceCounter.counts(current.values().stream()
                .map(p -> new CountsRequest.Window(p.personId(), p.startsOn(),
                        actionsByPlan.getOrDefault(p.id(), PlanActionsReadModel.Kept.NONE).tags())).toList());
        Map<UUID, List<EvidenceCounts.Count>> countsByPerson = counts.orElse(List.of()).stream()
                .collect(Collectors.groupingBy(EvidenceCounts.Count::personId));

        List<PersonStatus> statuses = new ArrayList<>();
        for (UUID person : people) {
            PlanRepository.CurrentPlan plan = current.get(person);
            if (plan == null) {
                statuses.add(new PersonStatus(person, null, null, null, null, null));
                continue;
            }
            List<List<ExpectedEvidence>> expected = actionsByPlan.getOrDefault(plan.id(), PlanActionsReadModel.Kept.NONE).actions();
            if (counts.isEmpty()) {
                statuses.add(new PersonStatus(person, plan.id(), plan.status(), null, null, expected.size()));
                continue;
            }
            ProgressCalculator.Progress progress = ProgressCalculator.compute(expected,
                    countsFor(person, countsByPerson.getOrDefault(person, List.of())));
            statuses.add(new PersonStatus(person, plan.id(), plan.status(), progress.percent(),
                    progress.actionsDone(), progress.actionsTotal()));
        }
        return new PlanResponses.BulkStatus(counts.isEmpty(), statuses);
    }
}
