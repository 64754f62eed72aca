package dev.ascent.assessment.talent;

import dev.ascent.assessment.framework.Framework;
import dev.ascent.assessment.framework.FrameworkService;
import dev.ascent.assessment.people.LineAccess;
import dev.ascent.assessment.people.Person;
import dev.ascent.assessment.people.PersonRepository;
import dev.ascent.assessment.readiness.ReadinessCalculator;
import dev.ascent.assessment.readiness.ReadinessDtos;
import dev.ascent.assessment.readiness.ReadinessService;
import dev.ascent.assessment.readiness.ReadinessSnapshots;
import dev.ascent.kit.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the talent pool from the bulk readiness path (which also records today's snapshots) and one
 * read of the snapshot history: the scope (one statement, recursive for a line), readiness (the bulk
 * path's constant few) and the history (one), whatever the number of people.
 */
@ApplicationScoped
public class TalentPoolService {

    private final LineAccess access;
    private final PersonRepository people;
    private final FrameworkService frameworks;
    private final ReadinessService readiness;
    private final ReadinessSnapshots snapshots;
    private final Clock clock = Clock.systemUTC();

    public TalentPoolService(LineAccess access, PersonRepository people, FrameworkService frameworks,
                             ReadinessService readiness, ReadinessSnapshots snapshots) {
        this.access = access;
        this.people = people;
        this.frameworks = frameworks;
        this.readiness = readiness;
        this.snapshots = snapshots;
    }

    /** @param level a target level code to narrow the pool to, or null for every level */
    public TalentPool pool(String level) {
        Framework framework = frameworks.current();
        if (level != null && !framework.hasLevel(level)) {
            throw ApiProblem.invalidField("level", "unknown level; expected one of " + framework.levelCodes());
        }
        // Admins see the directory; anyone else the people below them (nobody below: an empty pool).
        Optional<UUID> limitedTo = access.limitedTo();
        List<Person> scope = limitedTo.map(people::everyoneBelow).orElseGet(people::listAll);
        Map<UUID, Person> byId = new LinkedHashMap<>();
        scope.stream()
                .filter(p -> level == null || ReadinessService.defaultTarget(p, framework).filter(level::equals).isPresent())
                .sorted(Comparator.comparing((Person p) -> p.name).thenComparing(p -> p.id))
                .forEach(p -> byId.put(p.id, p));
        LocalDate today = LocalDate.now(clock);
        if (byId.isEmpty()) {
            return new TalentPool(today, framework.version(), true, 0, List.of());
        }

        ReadinessDtos.BulkResponse bulk = readiness.forPeople(new ArrayList<>(byId.keySet()), false);
        Map<UUID, List<ReadinessDtos.HistoryPoint>> history = snapshots.between(byId.keySet(),
                today.minusDays(ReadinessProjection.WINDOW_DAYS), today);

        Map<String, List<TalentPool.Candidate>> byTarget = new HashMap<>();
        for (ReadinessDtos.PersonSummary s : bulk.people()) {
            if (s.targetLevel() == null || s.readinessPercent() == null) {
                continue; // at the top of the ladder: no target to be ready for
            }
            byTarget.computeIfAbsent(s.targetLevel(), k -> new ArrayList<>())
                    .add(candidate(byId.get(s.personId()), s, history.get(s.personId()), today, bulk.evidenceAvailable()));
        }
        List<TalentPool.Level> levels = new ArrayList<>();
        int total = 0;
        for (String code : framework.levelCodes()) {
            List<TalentPool.Candidate> all = byTarget.get(code);
            if (all == null) {
                continue;
            }
            total += all.size();
            List<TalentPool.Candidate> readyNow = only(all, ReadinessCalculator.Status.READY);
            List<TalentPool.Candidate> emerging = only(all, ReadinessCalculator.Status.EMERGING);
            levels.add(new TalentPool.Level(code, all.size(), readyNow.size(), emerging.size(),
                    all.stream().mapToInt(TalentPool.Candidate::opinionOnly).sum(),
                    all.stream().mapToInt(TalentPool.Candidate::underRecognised).sum(), readyNow, emerging));
        }
        return new TalentPool(today, bulk.frameworkVersion(), bulk.evidenceAvailable(), total, levels);
    }

    private static TalentPool.Candidate candidate(Person person, ReadinessDtos.PersonSummary s,
                                                  List<ReadinessDtos.HistoryPoint> history, LocalDate today,
                                                  boolean evidenceAvailable) {
        Integer trend = null;
        ReadinessProjection.Projection projection = null;
        // A ratings-only figure (evidence-service down) against an evidence-backed history would draw a
        // false dip, so neither is computed then.
        if (evidenceAvailable) {
            List<ReadinessProjection.Point> points = history.stream()
                    .filter(p -> p.targetLevel().equals(s.targetLevel()))
                    .map(p -> new ReadinessProjection.Point(p.date(), p.readinessPercent()))
                    .toList();
            trend = ReadinessProjection.trend(points, today, s.readinessPercent());
            projection = ReadinessProjection.project(points, today, s.readinessPercent(),
                    s.status() == ReadinessCalculator.Status.READY);
        }
        int opinionOnly = (int) s.signals().stream()
                .filter(g -> g.signal() == ReadinessCalculator.CalibrationSignal.OPINION_ONLY).count();
        return new TalentPool.Candidate(s.personId(), person.name, s.level(), s.targetLevel(), s.readinessPercent(),
                s.status(), trend, projection, opinionOnly, s.signals().size() - opinionOnly);
    }

    /** The candidates with the status, highest readiness first (then by name, the order they came in). */
    private static List<TalentPool.Candidate> only(List<TalentPool.Candidate> all, ReadinessCalculator.Status status) {
        return all.stream().filter(c -> c.status() == status)
                .sorted(Comparator.comparingInt(TalentPool.Candidate::readinessPercent).reversed())
                .toList();
    }
}
