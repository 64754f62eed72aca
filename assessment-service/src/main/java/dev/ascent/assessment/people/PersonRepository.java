package dev.ascent.assessment.people;

import dev.ascent.kit.paging.KeysetCursor;
import dev.ascent.kit.sql.IdArrays;
import dev.ascent.kit.sql.SqlValues;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /** Deepest reporting tree we walk; a guard, far beyond any real organisation. */
    static final int MAX_DEPTH = 64;

    public boolean emailTaken(String email) {
        return count("email", email) > 0;
    }

    /** One page in creation order, starting after {@code after} (or at the start). */
    public List<Person> page(KeysetCursor after, int limit) {
        if (after == null) {
            return find("order by createdAt, id").page(0, limit).list();
        }
        return find("createdAt > :at or (createdAt = :at and id > :id) order by createdAt, id",
                Parameters.with("at", after.createdAt()).and("id", after.id()))
                .page(0, limit).list();
    }

    public List<Person> withIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /**
     * Where a person stands on the ladder, all that bulk readiness reads of them, and the version of
     * their readiness inputs (V7: it moves whenever a rating, calibration or peer invitation of theirs
     * does; 0 before any).
     */
    public record Standing(UUID id, String level, String targetLevel, long inputsVersion) {
    }

    /**
     * People's standing by id, in one statement with the ids as one array parameter and without
     * loading entities; the unknown are left out. For 10,000 people this was the costliest part of
     * bulk readiness as an entity query ({@code id in} with 10,000 bound parameters, then 10,000
     * managed entities).
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, Standing> standings(Collection<UUID> ids) {
        Map<UUID, Standing> standings = new HashMap<>();
        if (ids.isEmpty()) {
            return standings;
        }
        // A join, not a subquery per person (10,000 index probes once everyone has a version).
        List<Object[]> rows = IdArrays.read(getEntityManager(), """
                        SELECT p.id, p.level_code, p.target_level_code, coalesce(i.version, 0)
                        FROM assessment.person p LEFT JOIN assessment.readiness_input i ON i.person_id = p.id
                        WHERE p.id = ANY(:ids)""", ids,
                (sql, bound) -> getEntityManager().createNativeQuery(sql).setParameter("ids", bound).getResultList());
        for (Object[] r : rows) {
            standings.put((UUID) r[0], new Standing((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue()));
        }
        return standings;
    }

    /** People's names by id, in one statement and without loading them; the unknown are left out. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        for (Object[] r : columnsOf(ids, "name")) {
            names.put((UUID) r[0], (String) r[1]);
        }
        return names;
    }

    /** The id and the named columns of each person in {@code ids}: one statement, the ids as one array. */
    @SuppressWarnings("unchecked")
    private List<Object[]> columnsOf(Collection<UUID> ids, String columns) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return IdArrays.read(getEntityManager(), "SELECT id, " + columns + " FROM assessment.person WHERE id = ANY(:ids)",
                ids,
                (sql, bound) -> getEntityManager().createNativeQuery(sql).setParameter("ids", bound).getResultList());
    }

    /** Whether {@code managerId} is anywhere above {@code personId} in the reporting line. One query. */
    public boolean isAbove(UUID managerId, UUID personId) {
        Object found = getEntityManager().createNativeQuery("""
                WITH RECURSIVE chain(id, depth) AS (
                    SELECT manager_id, 1 FROM assessment.person WHERE id = :person
                    UNION
                    SELECT p.manager_id, c.depth + 1 FROM assessment.person p JOIN chain c ON p.id = c.id
                    WHERE c.depth < :max)
                SELECT EXISTS (SELECT 1 FROM chain WHERE id = :manager)""")
                .setParameter("person", personId).setParameter("manager", managerId).setParameter("max", MAX_DEPTH)
                .getSingleResult();
        return Boolean.TRUE.equals(found);
    }

    /**
     * Which of {@code ids} are below {@code managerId} in the reporting line (direct or indirect
     * reports; never the manager themselves). One recursive query whatever the number of ids.
     */
    public java.util.Set<UUID> inLineOf(UUID managerId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> found = IdArrays.read(getEntityManager(), """
                WITH RECURSIVE tree(id, depth) AS (
                    SELECT id, 1 FROM assessment.person WHERE manager_id = :manager
                    UNION ALL
                    SELECT p.id, t.depth + 1 FROM assessment.person p JOIN tree t ON p.manager_id = t.id
                    WHERE t.depth < :max)
                SELECT DISTINCT id FROM tree WHERE id = ANY(:ids)""", ids,
                (sql, bound) -> getEntityManager().createNativeQuery(sql).setParameter("manager", managerId)
                        .setParameter("max", MAX_DEPTH).setParameter("ids", bound).getResultList());
        return new java.util.HashSet<>(found);
    }

    /** Everyone below {@code managerId} in the reporting line, at any depth (never the manager). One recursive query. */
    @SuppressWarnings("unchecked")
    public List<Person> everyoneBelow(UUID managerId) {
        return getEntityManager().createNativeQuery("""
                WITH RECURSIVE tree(id, depth) AS (
                    SELECT id, 1 FROM assessment.person WHERE manager_id = :manager
                    UNION ALL
                    SELECT p.id, t.depth + 1 FROM assessment.person p JOIN tree t ON p.manager_id = t.id
                    WHERE t.depth < :max)
                SELECT p.* FROM assessment.person p WHERE p.id IN (SELECT id FROM tree)""", Person.class)
                .setParameter("manager", managerId).setParameter("max", MAX_DEPTH).getResultList();
    }

    /** Everyone above {@code personId}, nearest first. One query. */
    public List<UUID> managersOf(UUID personId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                WITH RECURSIVE chain(id, depth) AS (
                    SELECT manager_id, 1 FROM assessment.person WHERE id = :person AND manager_id IS NOT NULL
                    UNION ALL
                    SELECT p.manager_id, c.depth + 1 FROM assessment.person p JOIN chain c ON p.id = c.id
                    WHERE p.manager_id IS NOT NULL AND c.depth < :max)
                SELECT id FROM chain ORDER BY depth""")
                .setParameter("person", personId).setParameter("max", MAX_DEPTH).getResultList();
        return ids;
    }

    /**
     * The founder-led setting that applies to each person: their own, else their nearest manager's
     * with one, else {@code null} (the organisation's then applies). One query for any number: the walk
     * of {@link #standingsWithFounderLed}, whose standings a page of people costs nothing more to read.
     */
    public Map<UUID, Boolean> inheritedFounderLed(Collection<UUID> ids) {
        return standingsWithFounderLed(ids).inheritedFounderLed();
    }

    /** People's standings and the founder-led setting each inherits ({@link #inheritedFounderLed}). */
    public record StandingsWithFounderLed(Map<UUID, Standing> standings, Map<UUID, Boolean> inheritedFounderLed) {
    }

    /**
     * {@link #standings} and {@link #inheritedFounderLed} in one statement, as bulk readiness needs both:
     * the walk up the reporting line starts from the same rows the standings are read from, so a
     * 10,000-person answer binds and probes its ids once instead of twice. The walk visits the people and
     * their managers up to the first explicit setting, each once (UNION drops repeats): a team of 10,000
     * shares a few hundred managers, so walking every chain separately read the same rows over and over.
     */
    public StandingsWithFounderLed standingsWithFounderLed(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return new StandingsWithFounderLed(new HashMap<>(), new HashMap<>());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = IdArrays.read(getEntityManager(), """
                WITH RECURSIVE chain(id, manager_id, founder_led, level_code, target_level_code, named) AS (
                    SELECT p.id, p.manager_id, p.founder_led, p.level_code, p.target_level_code, true
                    FROM assessment.person p WHERE p.id = ANY(:ids)
                    UNION
                    SELECT m.id, m.manager_id, m.founder_led, m.level_code, m.target_level_code, false
                    FROM chain c JOIN assessment.person m ON m.id = c.manager_id
                    WHERE c.founder_led IS NULL)
                SELECT c.id, c.manager_id, c.founder_led, c.level_code, c.target_level_code,
                       coalesce(i.version, 0), c.named
                FROM chain c LEFT JOIN assessment.readiness_input i ON i.person_id = c.id AND c.named""",
                ids,
                (sql, bound) -> getEntityManager().createNativeQuery(sql).setParameter("ids", bound).getResultList());
        Map<UUID, Standing> standings = new HashMap<>();
        for (Object[] r : rows) {
            if ((Boolean) r[6]) {
                standings.put((UUID) r[0], new Standing((UUID) r[0], (String) r[3], (String) r[4],
                        ((Number) r[5]).longValue()));
            }
        }
        return new StandingsWithFounderLed(standings, founderLedUpTheChain(standings.keySet(), rows));
    }

    /** The directory's version (V9): it moves, at commit, with every statement that changes a person. */
    public long directoryVersion() {
        return ((Number) getEntityManager().createNativeQuery(
                "SELECT version FROM assessment.directory_version WHERE singleton").getSingleResult()).longValue();
    }

    /** Everyone, as {@link OrgChart} keeps them: one statement, no entities. */
    @SuppressWarnings("unchecked")
    public List<OrgChart.Person> everyoneForTheChart() {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT id, name, email, level_code, target_level_code, manager_id, founder_led, created_at
                FROM assessment.person""").getResultList();
        List<OrgChart.Person> people = new java.util.ArrayList<>(rows.size());
        for (Object[] r : rows) {
            people.add(new OrgChart.Person((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (UUID) r[5], (Boolean) r[6], SqlValues.instant(r[7])));
        }
        return people;
    }

    /** People's readiness input versions (V7; 0 before any), in one statement with the ids as one array. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Long> inputVersions(Collection<UUID> ids) {
        Map<UUID, Long> versions = new HashMap<>();
        if (ids.isEmpty()) {
            return versions;
        }
        List<Object[]> rows = IdArrays.read(getEntityManager(),
                "SELECT person_id, version FROM assessment.readiness_input WHERE person_id = ANY(:ids)", ids,
                (sql, bound) -> getEntityManager().createNativeQuery(sql).setParameter("ids", bound).getResultList());
        for (Object[] r : rows) {
            versions.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        return versions;
    }

    /** A team's people, and their standings and inherited founder-led settings. */
    public record TeamStandings(List<UUID> ids, StandingsWithFounderLed read) {
    }

    /** Each origin's nearest explicit setting, from rows of {@code id, manager_id, founder_led, ...}. */
    private static Map<UUID, Boolean> founderLedUpTheChain(Collection<UUID> ids, List<Object[]> rows) {
        Map<UUID, Boolean> result = new HashMap<>();
        Map<UUID, Object[]> chain = new HashMap<>();
        for (Object[] row : rows) {
            chain.put((UUID) row[0], row);
        }
        for (UUID origin : ids) {
            Object[] node = chain.get(origin);
            for (int depth = 0; node != null && depth <= MAX_DEPTH; depth++) {
                if (node[2] != null) {
                    result.put(origin, (Boolean) node[2]);
                    break;
                }
                node = node[1] == null ? null : chain.get((UUID) node[1]);
            }
        }
        return result;
    }

    /** A report with its creation time, which the page cursor needs. */
    public record ReportRow(ReportResponse report, Instant createdAt) {
    }

    /**
     * A page of the people reporting to {@code managerId}, directly ({@code maxDepth} 1) or at any
     * depth, in creation order. One recursive query.
     */
    public List<ReportRow> reports(UUID managerId, int maxDepth, KeysetCursor after, int limit) {
        // The walk carries the columns it answers with: joining the person table again for them made a
        // 10,000-person team's statement a quarter slower (23 against 18 ms).
        String sql = """
                WITH RECURSIVE tree(id, name, email, level_code, target_level_code, manager_id, depth, created_at) AS (
                    SELECT id, name, email, level_code, target_level_code, manager_id, 1, created_at
                    FROM assessment.person WHERE manager_id = :manager
                    UNION ALL
                    SELECT p.id, p.name, p.email, p.level_code, p.target_level_code, p.manager_id, t.depth + 1,
                           p.created_at
                    FROM assessment.person p JOIN tree t ON p.manager_id = t.id
                    WHERE t.depth < :depth)
                SELECT id, name, email, level_code, target_level_code, manager_id, depth, created_at FROM tree
                """ + (after == null ? "" : "WHERE (created_at, id) > (:afterAt, :afterId)\n")
                + "ORDER BY created_at, id LIMIT :limit";
        var query = getEntityManager().createNativeQuery(sql)
                .setParameter("manager", managerId)
                .setParameter("depth", Math.min(maxDepth, MAX_DEPTH))
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("afterAt", after.createdAt()).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new ReportRow(new ReportResponse((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (UUID) r[5], ((Number) r[6]).intValue()), SqlValues.instant(r[7]))).toList();
    }
}
