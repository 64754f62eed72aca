package dev.ascent.assessment.readiness;

import dev.ascent.kit.sql.IdArrays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Readiness over time: one row per person, target level and day, written only when readiness
 * differs from the latest row for that person and target. Writing and reading cost one statement
 * each, whatever the number of people.
 */
@ApplicationScoped
public class ReadinessSnapshots {

    /** What a snapshot keeps of one computation. */
    public record Snapshot(UUID personId, String targetLevel, int frameworkVersion, int readinessPercent,
                           ReadinessCalculator.Status status, int demonstrated, int expected) {

        static Snapshot of(UUID personId, int frameworkVersion, ReadinessPolicy policy, ReadinessCalculator.Result result) {
            int demonstrated = (int) result.competencies().stream()
                    .filter(c -> c.verdict() == ReadinessCalculator.Verdict.DEMONSTRATED).count();
            return new Snapshot(personId, policy.targetLevel(), frameworkVersion, result.readinessPercent(),
                    result.status(), demonstrated, result.competencies().size());
        }
    }

    private final EntityManager em;

    public ReadinessSnapshots(EntityManager em) {
        this.em = em;
    }

    /**
     * Upserts today's row for each snapshot that differs from its person's latest one for the same
     * target (a change back to an earlier value the same day replaces the day's row). One statement.
     */
    @Transactional
    public void record(List<Snapshot> snapshots, LocalDate today) {
        if (snapshots.isEmpty()) {
            return;
        }
        // One order for every writer, so two overlapping batches (a team report, the daily run) queue
        // on their common rows instead of deadlocking.
        List<Snapshot> sorted = snapshots.stream()
                .sorted(java.util.Comparator.comparing(Snapshot::personId).thenComparing(Snapshot::targetLevel))
                .toList();
        em.createNativeQuery("""
                INSERT INTO assessment.readiness_snapshot (person_id, target_level, taken_on, framework_version,
                        readiness_percent, status, demonstrated, expected, recorded_at)
                SELECT v.person_id, v.target_level, :today, v.framework_version, v.readiness_percent, v.status,
                       v.demonstrated, v.expected, now()
                FROM unnest(CAST(:persons AS uuid[]), CAST(:targets AS text[]), CAST(:versions AS integer[]),
                            CAST(:percents AS smallint[]), CAST(:statuses AS text[]), CAST(:demonstrated AS smallint[]),
                            CAST(:expected AS smallint[]))
                     AS v(person_id, target_level, framework_version, readiness_percent, status, demonstrated, expected)
                WHERE NOT EXISTS (
                    SELECT 1 FROM (SELECT l.framework_version, l.readiness_percent, l.status, l.demonstrated, l.expected
                                   FROM assessment.readiness_snapshot l
                                   WHERE l.person_id = v.person_id AND l.target_level = v.target_level
                                   ORDER BY l.taken_on DESC LIMIT 1) latest
                    WHERE latest.framework_version = v.framework_version
                      AND latest.readiness_percent = v.readiness_percent AND latest.status = v.status
                      AND latest.demonstrated = v.demonstrated AND latest.expected = v.expected)
                ON CONFLICT (person_id, target_level, taken_on) DO UPDATE SET
                    framework_version = EXCLUDED.framework_version, readiness_percent = EXCLUDED.readiness_percent,
                    status = EXCLUDED.status, demonstrated = EXCLUDED.demonstrated, expected = EXCLUDED.expected,
                    recorded_at = EXCLUDED.recorded_at""")
                .setParameter("today", Date.valueOf(today))
                .setParameter("persons", sorted.stream().map(Snapshot::personId).toArray(UUID[]::new))
                .setParameter("targets", sorted.stream().map(Snapshot::targetLevel).toArray(String[]::new))
                .setParameter("versions", sorted.stream().map(Snapshot::frameworkVersion).toArray(Integer[]::new))
                .setParameter("percents", sorted.stream().map(Snapshot::readinessPercent).toArray(Integer[]::new))
                .setParameter("statuses", sorted.stream().map(s -> s.status().name()).toArray(String[]::new))
                .setParameter("demonstrated", sorted.stream().map(Snapshot::demonstrated).toArray(Integer[]::new))
                .setParameter("expected", sorted.stream().map(Snapshot::expected).toArray(Integer[]::new))
                .executeUpdate();
    }

    /** Each person's snapshots between two days (inclusive), oldest first. One statement. */
    public Map<UUID, List<ReadinessDtos.HistoryPoint>> between(Collection<UUID> personIds, LocalDate from, LocalDate to) {
        Map<UUID, List<ReadinessDtos.HistoryPoint>> result = new LinkedHashMap<>();
        personIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (personIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = IdArrays.read(em, """
                SELECT person_id, taken_on, readiness_percent, status, target_level, framework_version
                FROM assessment.readiness_snapshot
                WHERE person_id = ANY(:ids) AND taken_on BETWEEN :from AND :to
                ORDER BY person_id, taken_on, target_level""", personIds,
                (sql, bound) -> em.createNativeQuery(sql).setParameter("ids", bound)
                        .setParameter("from", Date.valueOf(from)).setParameter("to", Date.valueOf(to))
                        .getResultList());
        for (Object[] r : rows) {
            result.get((UUID) r[0]).add(new ReadinessDtos.HistoryPoint(day(r[1]), ((Number) r[2]).intValue(),
                    ReadinessCalculator.Status.valueOf((String) r[3]), (String) r[4], ((Number) r[5]).intValue()));
        }
        return result;
    }

    private static LocalDate day(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
