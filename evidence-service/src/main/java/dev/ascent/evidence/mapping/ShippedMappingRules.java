package dev.ascent.evidence.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ascent.evidence.vocabulary.EvidenceKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The default mapping rules as shipped data ({@value #RESOURCE}, with a {@code revision}) and how a
 * database adopts them. {@link #apply} is what start-up runs, in one transaction under an advisory
 * lock (several instances may start at once): when the shipped revision is newer than the one this
 * database applied, the rules an earlier revision shipped are replaced by this revision's (a rule
 * with the same id is updated in place, so evidence keeps naming it; one this revision no longer has
 * is removed, its evidence keeping its content); a rule an admin wrote or edited has no shipped
 * revision and is never touched. The revision applied is recorded, so it is applied once.
 */
public final class ShippedMappingRules {

    public static final String RESOURCE = "mapping-rules/default-rules.yaml";
    static final String CONTENT = "mapping-rules";

    /** The shipped file: its revision and its rules. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Shipped(int revision, List<Rule> rules) {
        public Shipped {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** One shipped rule, as a mapping rule is stored (empty criteria match anything). */
    public record Rule(UUID id, String name, int priority, String source, List<String> eventTypes, List<String> labels,
                       List<String> issueTypes, List<String> components, List<String> keywords, EvidenceKind kind,
                       List<String> competencies) {
        public Rule {
            eventTypes = copy(eventTypes);
            labels = copy(labels);
            issueTypes = copy(issueTypes);
            components = copy(components);
            keywords = copy(keywords);
            competencies = copy(competencies);
        }

        /** The pure form the mapper uses. */
        public EvidenceMappingRule toRule() {
            return new EvidenceMappingRule(id, name, priority, source, eventTypes, labels, issueTypes, components,
                    keywords, kind.name(), competencies);
        }

        private static List<String> copy(List<String> values) {
            return values == null ? List.of() : List.copyOf(values);
        }
    }

    /**
     * What {@link #apply} did: the revision found and the one shipped, and, when it applied the
     * shipped one, how many rules it added, updated and removed.
     */
    public record Applied(int previousRevision, int shippedRevision, boolean applied, int added, int updated, int removed) {
    }

    private ShippedMappingRules() {
    }

    /** The rules that ship with Ascent, checked: a revision from 1, unique ids, a kind and competencies each. */
    public static Shipped read() {
        try (InputStream in = ShippedMappingRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Shipped read(InputStream in) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Shipped shipped = yaml.readValue(in, Shipped.class);
        if (shipped.revision() < 1) {
            throw new IllegalStateException(RESOURCE + " needs a revision, a whole number from 1");
        }
        Set<UUID> ids = new HashSet<>();
        for (Rule r : shipped.rules()) {
            if (r.id() == null || !ids.add(r.id()) || r.name() == null || r.name().isBlank() || r.kind() == null
                    || r.competencies().isEmpty() || r.eventTypes().isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": rule " + r.name()
                        + " needs a unique id, a name, event types, a kind and competencies");
            }
        }
        return shipped;
    }

    /** Serialises appliers across instances until the transaction ends. */
    static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('evidence.shipped_content.mapping-rules'))";

    static final String UPSERT = """
            INSERT INTO evidence.mapping_rule AS r (id, name, priority, enabled, source, event_types, labels, issue_types,
                components, keywords, kind, competencies, created_at, updated_at, shipped_revision)
            VALUES (?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, priority = EXCLUDED.priority, enabled = true,
                source = EXCLUDED.source, event_types = EXCLUDED.event_types, labels = EXCLUDED.labels,
                issue_types = EXCLUDED.issue_types, components = EXCLUDED.components, keywords = EXCLUDED.keywords,
                kind = EXCLUDED.kind, competencies = EXCLUDED.competencies, updated_at = EXCLUDED.updated_at,
                shipped_revision = EXCLUDED.shipped_revision, version = r.version + 1
            WHERE r.shipped_revision IS NOT NULL
            RETURNING (xmax = 0) AS added
            """;

    /**
     * Applies {@code shipped} on {@code c}, whose transaction the caller owns (and commits): all of
     * it or, on failure, none.
     */
    public static Applied apply(Connection c, Shipped shipped, Instant now) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.execute();
        }
        int previous = 0;
        try (PreparedStatement st = c.prepareStatement("SELECT revision FROM evidence.shipped_content WHERE name = ?")) {
            st.setString(1, CONTENT);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    previous = rs.getInt(1);
                }
            }
        }
        if (previous >= shipped.revision()) {
            return new Applied(previous, shipped.revision(), false, 0, 0, 0);
        }
        Array keep = c.createArrayOf("uuid", shipped.rules().stream().map(Rule::id).toArray());
        int removed;
        // evidence keeps its content and loses the reference, as when an admin deletes a rule
        try (PreparedStatement st = c.prepareStatement("""
                WITH gone AS (
                    SELECT id FROM evidence.mapping_rule WHERE shipped_revision IS NOT NULL AND NOT (id = ANY (?))
                    FOR UPDATE),
                cleared AS (
                    UPDATE evidence.evidence SET rule_id = NULL WHERE rule_id IN (SELECT id FROM gone) RETURNING id)
                DELETE FROM evidence.mapping_rule WHERE id IN (SELECT id FROM gone)
                """)) {
            st.setArray(1, keep);
            removed = st.executeUpdate();
        }
        int added = 0;
        int updated = 0;
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement st = c.prepareStatement(UPSERT)) {
            for (Rule r : shipped.rules()) {
                st.setObject(1, r.id());
                st.setString(2, r.name());
                st.setInt(3, r.priority());
                st.setString(4, r.source());
                st.setArray(5, text(c, r.eventTypes()));
                st.setArray(6, text(c, r.labels()));
                st.setArray(7, text(c, r.issueTypes()));
                st.setArray(8, text(c, r.components()));
                st.setArray(9, text(c, r.keywords()));
                st.setString(10, r.kind().name());
                st.setArray(11, text(c, r.competencies()));
                st.setTimestamp(12, at);
                st.setTimestamp(13, at);
                st.setInt(14, shipped.revision());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getBoolean(1)) {
                            added++;
                        } else {
                            updated++;
                        }
                    }
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO evidence.shipped_content (name, revision, applied_at) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET revision = EXCLUDED.revision, applied_at = EXCLUDED.applied_at
                """)) {
            st.setString(1, CONTENT);
            st.setInt(2, shipped.revision());
            st.setTimestamp(3, at);
            st.executeUpdate();
        }
        return new Applied(previous, shipped.revision(), true, added, updated, removed);
    }

    private static Array text(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }
}
