package dev.ascent.evidence.aggregate;

import dev.ascent.evidence.aggregate.StrengthResponse.CompetencyStrength;
import dev.ascent.evidence.aggregate.StrengthResponse.Item;
import dev.ascent.evidence.aggregate.StrengthResponse.PersonStrength;
import dev.ascent.kit.sql.IdArrays;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The weighting every consumer shares (docs/service-contracts.md): only confirmed or verified
 * items count; verification factor 1.0 verified, 0.7 confirmed; recency factor 1.0 within 365
 * days of {@code asOf}, 0.5 within 730, else 0 (stale: counted as such, adds nothing). Work dated
 * after {@code asOf} is not counted. The people arrive as one array parameter: one statement
 * whatever the number of people, grouped by PostgreSQL for the figures alone, or the items with
 * the figures added up from them.
 */
public final class EvidenceAggregates {

    private static final String FACTORS = """
            CASE e.status WHEN 'VERIFIED' THEN 1.0 ELSE 0.7 END AS verification_factor,
            CASE WHEN ?::date - e.occurred_at <= 365 THEN 1.0
                 WHEN ?::date - e.occurred_at <= 730 THEN 0.5 ELSE 0.0 END AS recency_factor
            """;

    private static final String COUNTED = """
            FROM evidence.evidence e CROSS JOIN LATERAL unnest(e.competencies) AS c(competency)
            WHERE e.person_id = ANY(?::uuid[]) AND e.status IN ('CONFIRMED', 'VERIFIED') AND e.occurred_at <= ?::date
            """;

    static final String STRENGTH_SQL = """
            SELECT person_id, competency,
                   count(*) FILTER (WHERE status = 'CONFIRMED' AND recency_factor > 0) AS confirmed,
                   count(*) FILTER (WHERE status = 'VERIFIED' AND recency_factor > 0) AS verified,
                   count(*) FILTER (WHERE recency_factor = 0) AS stale,
                   sum(verification_factor * recency_factor) AS strength,
                   max(occurred_at) AS last_occurred_at
            FROM (SELECT e.person_id, c.competency, e.status, e.occurred_at, %s %s) counted
            GROUP BY person_id, competency
            ORDER BY person_id, competency
            """.formatted(FACTORS, COUNTED);

    static final String ITEMS_SQL = """
            SELECT e.person_id, c.competency, e.id, e.title, e.kind, e.status, e.occurred_at, e.links, e.verified_by, %s %s
            ORDER BY e.person_id, c.competency, e.occurred_at DESC, e.id
            """.formatted(FACTORS, COUNTED);

    /**
     * Untagged counts, then counts per tag asked for: one statement. A tag matches as a whole word
     * (PostgreSQL's word boundaries, case-insensitive) in the title, summary or any link; tags are validated to
     * letters, digits and dashes, so they carry no pattern syntax.
     */
    static final String COUNTS_SQL = """
            WITH w AS (SELECT * FROM unnest(?::uuid[], ?::date[]) AS w(person_id, since)),
                 t AS (SELECT * FROM unnest(?::uuid[], ?::text[]) AS t(person_id, tag)),
                 counted AS (
                     SELECT e.person_id, e.kind, e.title, e.summary, e.links, c.competency
                     FROM w JOIN evidence.evidence e ON e.person_id = w.person_id AND e.occurred_at >= w.since
                     CROSS JOIN LATERAL unnest(e.competencies) AS c(competency)
                     WHERE e.status IN ('CONFIRMED', 'VERIFIED'))
            SELECT person_id, kind, competency, NULL::text AS tag, count(*) AS n
            FROM counted GROUP BY person_id, kind, competency
            UNION ALL
            SELECT x.person_id, x.kind, x.competency, t.tag, count(*) AS n
            FROM counted x JOIN t ON t.person_id = x.person_id
            WHERE x.title ~* ('\\m' || t.tag || '\\M') OR x.summary ~* ('\\m' || t.tag || '\\M')
               OR array_to_string(x.links, ' ') ~* ('\\m' || t.tag || '\\M')
            GROUP BY x.person_id, x.kind, x.competency, t.tag
            """; // no ORDER BY: consumers group by person, and sorting 10,000 people's rows spilled to disk

    /**
     * Counts without tags (a team report's): only what the partial index of counted evidence holds, so an
     * index-only scan. {@link #COUNTS_SQL} fetches every counted row's title, summary and links from the
     * table to match tags, and shares them through a CTE that spilled to disk: for a 10,000-person report's
     * windows 207 ms, against 87 ms here. With tags that CTE is the better plan (plans' windows are recent,
     * so few rows), so it stays for them.
     */
    static final String UNTAGGED_COUNTS_SQL = """
            SELECT e.person_id, e.kind, c.competency, NULL::text AS tag, count(*) AS n
            FROM unnest(?::uuid[], ?::date[]) AS w(person_id, since)
            JOIN evidence.evidence e ON e.person_id = w.person_id AND e.occurred_at >= w.since
            CROSS JOIN LATERAL unnest(e.competencies) AS c(competency)
            WHERE e.status IN ('CONFIRMED', 'VERIFIED')
            GROUP BY e.person_id, e.kind, c.competency
            """;

    private EvidenceAggregates() {
    }

    public static StrengthResponse strength(Connection connection, List<UUID> personIds, LocalDate asOf,
                                            boolean includeItems) throws SQLException {
        String[] ids = personIds.stream().map(UUID::toString).distinct().toArray(String[]::new);
        Map<UUID, List<CompetencyStrength>> byPerson = new LinkedHashMap<>();
        for (UUID id : personIds) {
            byPerson.putIfAbsent(id, new ArrayList<>());
        }
        if (includeItems) {
            itemsWithTheirFigures(connection, ids, asOf, byPerson);
        } else {
            try (PreparedStatement st = IdArrays.prepare(connection, STRENGTH_SQL, ids.length)) {
                bind(st, ids, asOf);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        byPerson.get(rs.getObject("person_id", UUID.class)).add(new CompetencyStrength(
                                rs.getString("competency"), rs.getLong("confirmed"), rs.getLong("verified"),
                                rs.getLong("stale"), round(rs.getBigDecimal("strength").doubleValue()),
                                rs.getObject("last_occurred_at", LocalDate.class), null));
                    }
                }
            }
        }
        List<PersonStrength> people = new ArrayList<>();
        byPerson.forEach((person, competencies) -> people.add(new PersonStrength(person, competencies)));
        return new StrengthResponse(asOf, people);
    }

    /**
     * The items, and each competency's figures added up from them as {@link #STRENGTH_SQL} adds them (the
     * same rows, in exact decimals, in its order): one statement where the figures and the items were two.
     */
    private static void itemsWithTheirFigures(Connection connection, String[] ids, LocalDate asOf,
                                              Map<UUID, List<CompetencyStrength>> byPerson) throws SQLException {
        try (PreparedStatement st = IdArrays.prepare(connection, ITEMS_SQL, ids.length)) {
            bind(st, ids, asOf);
            try (ResultSet rs = st.executeQuery()) {
                Figures figures = null;
                while (rs.next()) {
                    UUID person = rs.getObject(1, UUID.class);
                    String competency = rs.getString(2);
                    if (figures == null || !figures.person.equals(person) || !figures.competency.equals(competency)) {
                        if (figures != null) {
                            byPerson.get(figures.person).add(figures.result());
                        }
                        figures = new Figures(person, competency);
                    }
                    BigDecimal v = rs.getBigDecimal("verification_factor");
                    BigDecimal r = rs.getBigDecimal("recency_factor");
                    String status = rs.getString("status");
                    LocalDate occurredAt = rs.getObject("occurred_at", LocalDate.class);
                    figures.add(status, occurredAt, v, r);
                    figures.items.add(new Item(rs.getObject("id", UUID.class), rs.getString("title"),
                            rs.getString("kind"), status, occurredAt, v.doubleValue(), r.doubleValue(),
                            round(v.doubleValue() * r.doubleValue()), List.of((String[]) rs.getArray("links").getArray()),
                            rs.getObject("verified_by", UUID.class)));
                }
                if (figures != null) {
                    byPerson.get(figures.person).add(figures.result());
                }
            }
        }
    }

    /** One person's figures for one competency, added up item by item. */
    private static final class Figures {
        final UUID person;
        final String competency;
        final List<Item> items = new ArrayList<>();
        long confirmed;
        long verified;
        long stale;
        BigDecimal strength = BigDecimal.ZERO;
        LocalDate lastOccurredAt;

        Figures(UUID person, String competency) {
            this.person = person;
            this.competency = competency;
        }

        void add(String status, LocalDate occurredAt, BigDecimal verification, BigDecimal recency) {
            if (recency.signum() == 0) {
                stale++;
            } else if ("VERIFIED".equals(status)) {
                verified++;
            } else if ("CONFIRMED".equals(status)) {
                confirmed++;
            }
            strength = strength.add(verification.multiply(recency));
            if (lastOccurredAt == null || occurredAt.isAfter(lastOccurredAt)) {
                lastOccurredAt = occurredAt;
            }
        }

        CompetencyStrength result() {
            return new CompetencyStrength(competency, confirmed, verified, stale, round(strength.doubleValue()),
                    lastOccurredAt, items);
        }
    }

    public static CountsResponse counts(Connection connection, List<CountsRequest.Window> windows) throws SQLException {
        String[] people = windows.stream().map(w -> w.personId().toString()).toArray(String[]::new);
        String[] since = windows.stream().map(w -> w.since().toString()).toArray(String[]::new);
        List<String> tagPeople = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (CountsRequest.Window w : windows) {
            for (String tag : w.tagsOrNone().stream().distinct().toList()) {
                tagPeople.add(w.personId().toString());
                tags.add(tag);
            }
        }
        List<CountsResponse.Count> counts = new ArrayList<>();
        // Planned for its windows at every run: they bind one window to 10,000 as arrays side by side, and a
        // reused plan is priced for ten, so 10,000 would probe an index once each.
        try (PreparedStatement st = IdArrays.unnamed(connection, tags.isEmpty() ? UNTAGGED_COUNTS_SQL : COUNTS_SQL)) {
            st.setArray(1, connection.createArrayOf("text", people));
            st.setArray(2, connection.createArrayOf("text", since));
            if (!tags.isEmpty()) {
                st.setArray(3, connection.createArrayOf("text", tagPeople.toArray(String[]::new)));
                st.setArray(4, connection.createArrayOf("text", tags.toArray(String[]::new)));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.add(new CountsResponse.Count(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5)));
                }
            }
        }
        return new CountsResponse(counts);
    }

    private static void bind(PreparedStatement st, String[] ids, LocalDate asOf) throws SQLException {
        st.setString(1, asOf.toString());
        st.setString(2, asOf.toString());
        IdArrays.bind(st, 3, ids);
        st.setString(4, asOf.toString());
    }

    /** Figures to two decimals, so 0.7 + 0.7 + 1.0 reads 2.4 and not 2.4000000000000004. */
    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
