package dev.ascent.assessment.readiness;

import dev.ascent.assessment.framework.Framework;
import dev.ascent.assessment.framework.FrameworkDocument;
import dev.ascent.assessment.framework.FrameworkService;
import dev.ascent.assessment.organisation.FounderLed;
import dev.ascent.assessment.people.LineAccess;
import dev.ascent.assessment.people.PeopleService;
import dev.ascent.assessment.people.Person;
import dev.ascent.assessment.people.PersonRepository;
import dev.ascent.assessment.people.PersonResponse;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Gathers what readiness needs (framework, ratings, calibrations, evidence) and lets
 * {@link ReadinessCalculator} decide. For many people it costs the same few queries and one
 * evidence call as for one.
 */
@ApplicationScoped
public class ReadinessService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReadinessService.class);

    private final FrameworkService frameworks;
    private final PersonRepository people;
    private final PeopleService peopleService;
    private final RatingsRepository ratings;
    private final EvidenceStrengths evidence;
    private final ReadinessSnapshots snapshots;
    private final LineAccess access;
    private final Clock clock = Clock.systemUTC();
    /** Unchanged reads of a person's page write nothing and so need no statement (the 10,000-person reports fit). */
    private final RecentSnapshots recent = new RecentSnapshots(50_000);
    /** Team readiness kept between reports; sized like {@link #recent}, for the largest reports twice over. */
    private final ReadinessReadModel readModel = new ReadinessReadModel(50_000);

    public ReadinessService(FrameworkService frameworks, PersonRepository people, PeopleService peopleService,
                            RatingsRepository ratings, EvidenceStrengths evidence, ReadinessSnapshots snapshots,
                            LineAccess access) {
        this.frameworks = frameworks;
        this.people = people;
        this.peopleService = peopleService;
        this.ratings = ratings;
        this.evidence = evidence;
        this.snapshots = snapshots;
        this.access = access;
    }

    public ReadinessDtos.Readiness forPerson(UUID personId, String requestedTarget) {
        Person person = people.findByIdOptional(personId).orElseThrow(() -> ApiProblem.notFound("Person", personId));
        Framework framework = frameworks.current();
        String target = requestedTarget != null ? requestedTarget : defaultTarget(person, framework)
                .orElseThrow(() -> ApiProblem.invalidField("target",
                        "the person is at the top of the ladder; name a target level"));
        if (!framework.hasLevel(target)) {
            throw ApiProblem.invalidField("target", "unknown level; expected one of " + framework.levelCodes());
        }
        var pendingStrengths = evidence.of(List.of(personId), LocalDate.now(clock), true)
                .subscribeAsCompletionStage();
        FounderLed founderLed = peopleService.founderLedSettings(List.of(personId)).get(personId);
        RatingsRepository.Ratings personRatings = ratings.of(List.of(personId)).get(personId);
        var strengths = pendingStrengths.join();
        ReadinessPolicy policy = ReadinessPolicy.of(founderLed, framework, target);
        ReadinessCalculator.Result result = calculate(framework, policy,
                personRatings, strengths.map(s -> s.getOrDefault(personId, Map.of())).orElse(null));
        if (strengths.isPresent()) {
            recordHistory(List.of(ReadinessSnapshots.Snapshot.of(personId, framework.version(), policy, result)));
        }
        return new ReadinessDtos.Readiness(personId, person.level, tierOf(framework, person.level), target,
                tierOf(framework, target), framework.focusOfLevel(target).orElse(null), framework.version(),
                founderLed.value(), strengths.isPresent(),
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), result.readinessPercent(), result.status(),
                result.competencies(), result.leadership(), result.credibilityGate());
    }

    /**
     * A person's profile with their readiness for their own target, as the gateway's overview shows
     * them: the person and the founder-led setting that applies to them are read once for both (the
     * overview's two calls read them twice). When readiness cannot be computed for their target (a
     * person at the top of the ladder), the profile comes alone with the reason.
     */
    public ReadinessDtos.PersonWithReadiness withReadiness(UUID personId) {
        ReadinessDtos.Readiness readiness;
        // forPerson decides which targets it can compute for (none above the top level, only the
        // framework's levels); its 400 is that verdict, so the profile is answered without readiness.
        try {
            readiness = forPerson(personId, null);
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return new ReadinessDtos.PersonWithReadiness(peopleService.find(personId)
                    .orElseThrow(() -> ApiProblem.notFound("Person", personId)), null, problem.violations().stream()
                    .map(v -> v.field() + ": " + v.message()).findFirst().orElse(problem.getMessage()));
        }
        // The session's first-level cache holds the person forPerson read: no second statement.
        Person person = people.findById(personId);
        return new ReadinessDtos.PersonWithReadiness(PersonResponse.of(person, readiness.founderLed()), readiness, null);
    }

    /**
     * Readiness for each person's own target (or next level), without evidence item details. Figures
     * come from the read model where none of a person's inputs changed since they were computed; the
     * rest are computed (ratings and evidence read for them alone) and remembered. Cold or warm, the
     * number of statements does not grow with the number of people.
     */
    public ReadinessDtos.BulkResponse forPeople(List<UUID> personIds, boolean includeCompetencies) {
        return figures(personIds).summaries(includeCompetencies);
    }

    /**
     * Everyone's figures for a bulk answer, in the order named (duplicates once): for the public
     * layout ({@link BulkFigures#summaries}) or the gateway's compact one ({@link ReadinessColumns}),
     * which is written from the figures directly.
     */
    public BulkFigures figures(List<UUID> personIds) {
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(personIds));
        // evidence-service answers whose evidence changed while this service reads its own tables.
        var pendingVersions = evidence.versions(ids).subscribeAsCompletionStage();
        Framework framework = frameworks.current();
        return figures(ids, framework, people.standingsWithFounderLed(ids), pendingVersions);
    }

    /**
     * The bulk figures of everyone in a manager's team ({@link PeopleService#team}, with its 404 and 422),
     * for the gateway's team reports: the walk on the in-memory {@code OrgChart} gives the standings and
     * the founder-led settings (one statement reads the input versions), and the gateway need not wait for
     * the team before asking.
     */
    public BulkFigures teamFigures(UUID managerId, boolean allLevels) {
        Framework framework = frameworks.current();
        PersonRepository.TeamStandings team = peopleService.teamStandings(managerId, allLevels);
        // Versions are asked after the standings, which name the people, and before ratings and strength.
        var pendingVersions = team.ids().isEmpty()
                ? java.util.concurrent.CompletableFuture.completedFuture(Optional.of(Map.<UUID, Long>of()))
                : evidence.versions(team.ids()).subscribeAsCompletionStage();
        return figures(team.ids(), framework, team.read(), pendingVersions);
    }

    private BulkFigures figures(List<UUID> ids, Framework framework, PersonRepository.StandingsWithFounderLed read,
                                java.util.concurrent.CompletionStage<Optional<Map<UUID, Long>>> versionsAsked) {
        LocalDate today = LocalDate.now(clock);
        var pendingVersions = versionsAsked.toCompletableFuture();
        Map<UUID, PersonRepository.Standing> found = read.standings();
        Map<UUID, FounderLed> founderLed = peopleService.founderLedSettings(found.keySet(), read.inheritedFounderLed());
        Optional<Map<UUID, Long>> evidenceVersions = pendingVersions.join();

        Map<UUID, ReadinessReadModel.Figures> figures = new java.util.HashMap<>();
        Map<UUID, ReadinessReadModel.Inputs> stale = new java.util.LinkedHashMap<>();
        List<UUID> atTheTop = new ArrayList<>();
        for (UUID id : ids) {
            PersonRepository.Standing person = found.get(id);
            if (person == null) {
                continue;
            }
            Optional<String> target = defaultTarget(person.level(), person.targetLevel(), framework);
            if (target.isEmpty() || !framework.hasLevel(target.get())) {
                atTheTop.add(id);
                continue;
            }
            ReadinessReadModel.Inputs inputs = new ReadinessReadModel.Inputs(today, framework.version(), person.level(),
                    target.get(), founderLed.get(id), person.inputsVersion(),
                    evidenceVersions.map(v -> v.getOrDefault(id, 0L)).orElse(-1L));
            ReadinessReadModel.Figures known = evidenceVersions.isPresent() ? readModel.current(id, inputs) : null;
            if (known != null) {
                figures.put(id, known);
            } else {
                stale.put(id, inputs);
            }
        }
        boolean evidenceAvailable = evidenceVersions.isPresent();
        // Strength for whose figures must be computed, asked even when the versions were not answered (an
        // evidence-service without them still has strength), and worked out while the ratings are read.
        var pendingStrengths = stale.isEmpty() ? null
                : evidence.of(List.copyOf(stale.keySet()), today, false).subscribeAsCompletionStage();
        // Ratings are read for the same people, and for who has no target above them (their last
        // assessment date is all a report shows of them).
        List<UUID> toRead = new ArrayList<>(stale.keySet());
        toRead.addAll(atTheTop);
        Map<UUID, RatingsRepository.Ratings> allRatings = toRead.isEmpty() ? Map.of() : ratings.of(toRead);
        if (pendingStrengths != null) {
            var strengths = pendingStrengths.join();
            evidenceAvailable = strengths.isPresent();
            List<ReadinessSnapshots.Snapshot> taken = new ArrayList<>();
            for (var entry : stale.entrySet()) {
                UUID id = entry.getKey();
                ReadinessReadModel.Inputs inputs = entry.getValue();
                ReadinessPolicy policy = ReadinessPolicy.of(inputs.founderLed(), framework, inputs.targetLevel());
                RatingsRepository.Ratings r = allRatings.get(id);
                ReadinessCalculator.Result result = calculate(framework, policy, r,
                        strengths.map(s -> s.getOrDefault(id, Map.of())).orElse(null));
                taken.add(ReadinessSnapshots.Snapshot.of(id, framework.version(), policy, result));
                ReadinessReadModel.Figures computed = ReadinessReadModel.Figures.of(inputs, result, topGaps(result),
                        r == null ? null : r.lastAssessmentAt);
                figures.put(id, computed);
                if (strengths.isPresent() && evidenceVersions.isPresent()) {
                    // Figures computed without evidence are an outage's, not the person's, and figures
                    // without an evidence version could not tell when they went stale: neither is kept.
                    readModel.remember(id, computed);
                }
            }
            if (strengths.isPresent()) {
                recordHistory(taken);
            }
        }

        Map<UUID, Instant> lastAssessmentAt = new java.util.HashMap<>();
        atTheTop.forEach(id -> {
            RatingsRepository.Ratings r = allRatings.get(id);
            lastAssessmentAt.put(id, r == null ? null : r.lastAssessmentAt);
        });
        return new BulkFigures(framework.version(), framework.competencyCodes(), evidenceAvailable, ids, found, figures,
                lastAssessmentAt);
    }

    /**
     * Bulk readiness before it is laid out: per person named, their standing (null: no such person) and
     * figures (null: no target above their level, when only their last assessment's date is known).
     * {@code frameworkCodes} are the current framework's competencies, in its order.
     */
    public record BulkFigures(int frameworkVersion, List<String> frameworkCodes, boolean evidenceAvailable, List<UUID> ids,
                              Map<UUID, PersonRepository.Standing> found, Map<UUID, ReadinessReadModel.Figures> figures,
                              Map<UUID, Instant> atTheTopLastAssessed) {

        /** Per competency over everyone with figures: [rated, ratingSum, expectedOf, expectedSum]. */
        List<ReadinessDtos.CompetencyTotal> competencyTotals() {
            Map<String, double[]> totals = new java.util.LinkedHashMap<>();
            for (UUID id : ids) {
                ReadinessReadModel.Figures f = found.containsKey(id) ? figures.get(id) : null;
                if (f == null) {
                    continue;
                }
                for (int i = 0; i < f.competencies().length; i++) {
                    double[] total = totals.computeIfAbsent(f.competencies()[i], k -> new double[4]);
                    if (!Double.isNaN(f.ratings()[i])) {
                        total[0]++;
                        total[1] += f.ratings()[i];
                    }
                    total[2]++;
                    total[3] += f.expected()[i];
                }
            }
            return totals.entrySet().stream()
                    .map(e -> new ReadinessDtos.CompetencyTotal(e.getKey(), (int) e.getValue()[0], e.getValue()[1],
                            (int) e.getValue()[2], e.getValue()[3]))
                    .toList();
        }

        /** The public layout: a summary per person named, each competency's pair when wanted. */
        ReadinessDtos.BulkResponse summaries(boolean includeCompetencies) {
            List<ReadinessDtos.PersonSummary> summaries = new ArrayList<>(ids.size());
            for (UUID id : ids) {
                PersonRepository.Standing person = found.get(id);
                ReadinessReadModel.Figures f = figures.get(id);
                if (person == null) {
                    summaries.add(new ReadinessDtos.PersonSummary(id, null, null, null, null, List.of(), null,
                            Map.of(), "no person has this id", List.of()));
                    continue;
                }
                if (f == null) {
                    // No target above the current level: the ratings' date is all there is to say.
                    summaries.add(new ReadinessDtos.PersonSummary(id, person.level(), null, null, null, List.of(),
                            atTheTopLastAssessed.get(id), Map.of(), "no target level above the current one", List.of()));
                    continue;
                }
                Map<String, Double[]> competencies = includeCompetencies ? new java.util.LinkedHashMap<>() : null;
                if (competencies != null) {
                    for (int i = 0; i < f.competencies().length; i++) {
                        competencies.put(f.competencies()[i], new Double[] {(double) f.expected()[i], f.rating(i)});
                    }
                }
                summaries.add(new ReadinessDtos.PersonSummary(id, person.level(), f.inputs().targetLevel(),
                        f.readinessPercent(), f.status(), f.topGaps(), f.lastAssessmentAt(), competencies, null,
                        f.signals()));
            }
            return new ReadinessDtos.BulkResponse(frameworkVersion, evidenceAvailable, summaries, competencyTotals());
        }
    }

    /**
     * Records readiness for its history. Only figures computed with evidence are recorded (ratings-only
     * figures during an outage would draw a false dip), and a failure to record never fails the read:
     * the next computation records the same figures.
     */
    private void recordHistory(List<ReadinessSnapshots.Snapshot> taken) {
        LocalDate today = LocalDate.now(clock);
        List<ReadinessSnapshots.Snapshot> changed = recent.changed(taken, today);
        if (changed.isEmpty()) {
            return;
        }
        try {
            snapshots.record(changed, today);
            recent.remember(changed, today);
        } catch (RuntimeException e) {
            LOG.warnf("readiness history not recorded for %d people: %s", changed.size(), e.toString());
        }
    }

    /** One person's snapshots, oldest first: two statements. */
    public List<ReadinessDtos.HistoryPoint> history(UUID personId, String from, String to) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        if (people.findByIdOptional(personId).isEmpty()) {
            throw ApiProblem.notFound("Person", personId);
        }
        return snapshots.between(List.of(personId), period.from(), period.to()).get(personId);
    }

    /**
     * Many people's snapshots, for a team: at most three statements whatever the number. A caller
     * who is not an admin may only name people below them in the reporting line.
     */
    public ReadinessDtos.HistoryBulkResponse history(ReadinessDtos.HistoryBulkRequest request) {
        Period period = Period.of(request.from(), request.to(), LocalDate.now(clock));
        List<UUID> ids = request.personIds();
        Optional<UUID> limitedTo = access.limitedTo();
        if (limitedTo.isPresent()) {
            // Checked before existence, so a refusal says nothing about who exists outside the line.
            java.util.Set<UUID> inLine = people.inLineOf(limitedTo.get(), ids);
            List<Problem.Violation> outside = violations(ids, inLine, "is not in your reporting line");
            if (!outside.isEmpty()) {
                throw new ApiProblem(403, "forbidden", "Forbidden",
                        "Readiness history is only for people below you in the reporting line", outside);
            }
        }
        java.util.Set<UUID> known = people.standings(ids).keySet();
        List<Problem.Violation> unknown = violations(ids, known, "no person has this id");
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalidFields(unknown);
        }
        Map<UUID, List<ReadinessDtos.HistoryPoint>> points = snapshots.between(new LinkedHashSet<>(ids),
                period.from(), period.to());
        return new ReadinessDtos.HistoryBulkResponse(period.from(), period.to(), points.entrySet().stream()
                .map(e -> new ReadinessDtos.PersonHistory(e.getKey(), e.getValue())).toList());
    }

    private static List<Problem.Violation> violations(List<UUID> ids, java.util.Set<UUID> allowed, String message) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!allowed.contains(ids.get(i))) {
                violations.add(new Problem.Violation("personIds[" + i + "]", message));
            }
        }
        return violations;
    }

    /** The days a history covers: {@code to} defaults to today, {@code from} to a year before it. */
    record Period(LocalDate from, LocalDate to) {

        static Period of(String from, String to, LocalDate today) {
            LocalDate end = to == null || to.isBlank() ? today : day("to", to);
            LocalDate start = from == null || from.isBlank() ? end.minusYears(1) : day("from", from);
            if (start.isAfter(end)) {
                throw ApiProblem.invalidField("from", "must not be after to");
            }
            return new Period(start, end);
        }

        private static LocalDate day(String field, String value) {
            try {
                return LocalDate.parse(value.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiProblem.invalidField(field, "must be a date such as 2026-11-30");
            }
        }
    }

    private static ReadinessCalculator.Result calculate(Framework framework, ReadinessPolicy policy,
                                                        RatingsRepository.Ratings r,
                                                        Map<String, EvidenceServiceApi.CompetencyStrength> strengths) {
        String target = policy.targetLevel();
        List<ReadinessCalculator.CompetencyInput> inputs = new ArrayList<>();
        for (var entry : framework.expectations(target).entrySet()) {
            String code = entry.getKey();
            FrameworkDocument.Expectation expected = entry.getValue();
            FrameworkDocument.Competency competency = framework.competency(code);
            ReadinessCalculator.Evidence ev = null;
            if (strengths != null) {
                EvidenceServiceApi.CompetencyStrength s = strengths.get(code);
                ev = s == null ? new ReadinessCalculator.Evidence(0, List.of())
                        : new ReadinessCalculator.Evidence(s.weightedStrength(), s.items() == null ? List.of()
                        : s.items().stream().map(i -> new ReadinessCalculator.EvidenceItem(String.valueOf(i.id()),
                        i.title(), i.kind(), i.status(), String.valueOf(i.occurredAt()), i.weight(),
                        i.links() == null ? List.of() : i.links(),
                        i.verifiedBy() == null ? null : i.verifiedBy().toString())).toList());
            }
            inputs.add(new ReadinessCalculator.CompetencyInput(code, competency.name(), competency.focus().name(),
                    expected.proficiency(), expected.evidence(),
                    r == null ? null : r.self.get(code),
                    r == null ? null : r.manager.get(code),
                    r == null ? List.of() : r.peers.getOrDefault(code, List.of()),
                    r == null ? null : r.calibrated.get(code),
                    ev));
        }
        return ReadinessCalculator.calculate(new ReadinessCalculator.Input(inputs, strengths != null, policy));
    }

    /** The three competencies furthest from demonstrated, largest combined gap first. */
    static List<String> topGaps(ReadinessCalculator.Result result) {
        return result.competencies().stream()
                .filter(c -> c.verdict() != ReadinessCalculator.Verdict.DEMONSTRATED)
                .sorted(Comparator.comparingDouble((ReadinessCalculator.CompetencyResult c) ->
                                -(c.ratingGap() + (c.evidenceGap() == null ? 0 : c.evidenceGap())))
                        .thenComparing(ReadinessCalculator.CompetencyResult::competency))
                .limit(3)
                .map(ReadinessCalculator.CompetencyResult::competency)
                .toList();
    }

    /** The level readiness is computed for: the person's own target, else the next level (empty at the top). */
    public static Optional<String> defaultTarget(Person person, Framework framework) {
        return defaultTarget(person.level, person.targetLevel, framework);
    }

    static Optional<String> defaultTarget(String level, String targetLevel, Framework framework) {
        return targetLevel != null ? Optional.of(targetLevel) : framework.nextLevel(level);
    }

    private static String tierOf(Framework framework, String level) {
        return framework.level(level).map(FrameworkDocument.Level::tier).orElse(null);
    }
}
