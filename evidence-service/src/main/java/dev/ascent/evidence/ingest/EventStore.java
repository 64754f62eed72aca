package dev.ascent.evidence.ingest;

import dev.ascent.evidence.integration.IdentityKind;
import dev.ascent.evidence.integration.SourceKind;
import dev.ascent.evidence.mapping.EvidenceMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of ingestion, on a connection the caller owns (and whose transaction it controls).
 * However many events arrive, {@link #ingest} costs at most one identity lookup and four
 * JDBC batches (events, evidence, their first status change, the unmatched queue): ids are
 * generated here, no row costs its own round trip.
 */
public final class EventStore {

    static final String LOOKUP_LINKS = """
            SELECT external_id, person_id FROM evidence.identity_link
            WHERE source_id = ? AND identity_kind = ? AND external_id = ANY (?::text[])
            """;

    static final String INSERT_EVENT = """
            INSERT INTO evidence.ingested_event (id, source_id, delivery_id, event_type, outcome, reason, identity_kind,
                external_id, person_id, title, summary, links, occurred_at, rule_id, kind, competencies, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_id, delivery_id) DO NOTHING
            """;

    static final String INSERT_EVIDENCE = """
            INSERT INTO evidence.evidence (id, person_id, kind, competencies, title, summary, links, occurred_at, source,
                status, source_id, source_event_id, rule_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUGGESTED', ?, ?, ?, ?, ?)
            """;

    static final String INSERT_FIRST_STATUS = """
            INSERT INTO evidence.status_change (id, evidence_id, from_status, to_status, actor_id, reason, changed_at)
            VALUES (?, ?, NULL, 'SUGGESTED', NULL, ?, ?)
            """;

    static final String INSERT_UNMATCHED = """
            INSERT INTO evidence.unmatched_event (event_id, source_id, identity_kind, external_id, queued_at)
            VALUES (?, ?, ?, ?, ?)
            """;

    /**
     * Turns every queued event of one external user into suggested evidence of {@code personId}:
     * one statement, whatever the length of the queue.
     */
    static final String RELEASE_UNMATCHED = """
            WITH released AS (
                UPDATE evidence.unmatched_event SET resolved_at = ?, person_id = ?
                WHERE source_id = ? AND identity_kind = ? AND external_id = ? AND resolved_at IS NULL
                RETURNING event_id),
            events AS (
                UPDATE evidence.ingested_event e SET outcome = 'EVIDENCE', person_id = ?
                FROM released r WHERE e.id = r.event_id
                RETURNING e.*),
            created AS (
                INSERT INTO evidence.evidence (id, person_id, kind, competencies, title, summary, links, occurred_at,
                    source, status, source_id, source_event_id, rule_id, created_at, updated_at)
                SELECT gen_random_uuid(), e.person_id, e.kind, e.competencies, e.title, e.summary, e.links,
                       e.occurred_at, ?, 'SUGGESTED', e.source_id, e.id,
                       (SELECT r.id FROM evidence.mapping_rule r WHERE r.id = e.rule_id), ?, ?
                FROM events e
                RETURNING id)
            INSERT INTO evidence.status_change (id, evidence_id, from_status, to_status, actor_id, reason, changed_at)
            SELECT gen_random_uuid(), c.id, NULL, 'SUGGESTED', NULL, 'identity linked', ? FROM created c
            """;

    private EventStore() {
    }

    public static List<IngestedEvent> ingest(Connection c, UUID sourceId, SourceKind kind, List<IncomingEvent> events,
                                             EvidenceMapper mapper, Instant now) throws SQLException {
        IdentityKind identity = kind.identity();
        int n = events.size();
        List<Optional<EvidenceMapper.Suggestion>> suggestions = new ArrayList<>(n);
        Set<String> users = new LinkedHashSet<>();
        for (IncomingEvent e : events) {
            Optional<EvidenceMapper.Suggestion> s = e.ignoredReason() == null
                    ? mapper.map(e.toProjectEvent(kind.name())) : Optional.empty();
            suggestions.add(s);
            if (s.isPresent() && e.externalUser() != null) {
                users.add(identity.normalise(e.externalUser()));
            }
        }
        Map<String, UUID> people = links(c, sourceId, identity, users);

        UUID[] eventIds = new UUID[n];
        Outcome[] outcomes = new Outcome[n];
        String[] reasons = new String[n];
        UUID[] personIds = new UUID[n];
        Timestamp received = Timestamp.from(now);
        try (PreparedStatement st = c.prepareStatement(INSERT_EVENT)) {
            for (int i = 0; i < n; i++) {
                IncomingEvent e = events.get(i);
                Optional<EvidenceMapper.Suggestion> s = suggestions.get(i);
                String user = e.externalUser() == null ? null : identity.normalise(e.externalUser());
                eventIds[i] = UUID.randomUUID();
                if (e.ignoredReason() != null) {
                    outcomes[i] = Outcome.IGNORED;
                    reasons[i] = e.ignoredReason();
                } else if (s.isEmpty()) {
                    outcomes[i] = Outcome.IGNORED;
                    reasons[i] = "no mapping rule matched";
                } else if (user == null) {
                    outcomes[i] = Outcome.IGNORED;
                    reasons[i] = "the event names no user";
                } else {
                    personIds[i] = people.get(user);
                    outcomes[i] = personIds[i] == null ? Outcome.UNMATCHED : Outcome.EVIDENCE;
                }
                st.setObject(1, eventIds[i]);
                st.setObject(2, sourceId);
                st.setString(3, e.deliveryId());
                st.setString(4, e.eventType());
                st.setString(5, outcomes[i].name());
                st.setString(6, reasons[i]);
                st.setString(7, user == null ? null : identity.name());
                st.setString(8, user);
                st.setObject(9, personIds[i]);
                st.setString(10, e.title());
                st.setString(11, e.body());
                st.setArray(12, c.createArrayOf("text", linksOf(e)));
                st.setObject(13, e.occurredAt());
                st.setObject(14, s.map(EvidenceMapper.Suggestion::ruleId).orElse(null));
                st.setString(15, s.map(EvidenceMapper.Suggestion::kind).orElse(null));
                st.setArray(16, c.createArrayOf("text",
                        s.map(x -> x.competencies().toArray(String[]::new)).orElse(new String[0])));
                st.setTimestamp(17, received);
                st.addBatch();
            }
            int[] inserted = st.executeBatch();
            for (int i = 0; i < n; i++) {
                if (inserted[i] == 0) {
                    eventIds[i] = null; // a redelivery: the first delivery's effects stand
                }
            }
        }

        UUID[] evidenceIds = new UUID[n];
        List<Integer> toEvidence = new ArrayList<>();
        List<Integer> toQueue = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (eventIds[i] != null && outcomes[i] == Outcome.EVIDENCE) {
                toEvidence.add(i);
            } else if (eventIds[i] != null && outcomes[i] == Outcome.UNMATCHED) {
                toQueue.add(i);
            }
        }
        if (!toEvidence.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement(INSERT_EVIDENCE)) {
                for (int i : toEvidence) {
                    IncomingEvent e = events.get(i);
                    EvidenceMapper.Suggestion s = suggestions.get(i).orElseThrow();
                    evidenceIds[i] = UUID.randomUUID();
                    st.setObject(1, evidenceIds[i]);
                    st.setObject(2, personIds[i]);
                    st.setString(3, s.kind());
                    st.setArray(4, c.createArrayOf("text", s.competencies().toArray(String[]::new)));
                    st.setString(5, e.title());
                    st.setString(6, e.body());
                    st.setArray(7, c.createArrayOf("text", linksOf(e)));
                    st.setObject(8, e.occurredAt());
                    st.setString(9, kind.evidenceSource().name());
                    st.setObject(10, sourceId);
                    st.setObject(11, eventIds[i]);
                    st.setObject(12, s.ruleId());
                    st.setTimestamp(13, received);
                    st.setTimestamp(14, received);
                    st.addBatch();
                }
                st.executeBatch();
            }
            try (PreparedStatement st = c.prepareStatement(INSERT_FIRST_STATUS)) {
                for (int i : toEvidence) {
                    st.setObject(1, UUID.randomUUID());
                    st.setObject(2, evidenceIds[i]);
                    st.setString(3, "suggested by " + kind.name() + " integration");
                    st.setTimestamp(4, received);
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
        if (!toQueue.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement(INSERT_UNMATCHED)) {
                for (int i : toQueue) {
                    st.setObject(1, eventIds[i]);
                    st.setObject(2, sourceId);
                    st.setString(3, identity.name());
                    st.setString(4, identity.normalise(events.get(i).externalUser()));
                    st.setTimestamp(5, received);
                    st.addBatch();
                }
                st.executeBatch();
            }
        }

        List<IngestedEvent> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(eventIds[i] == null
                    ? new IngestedEvent(null, null, null, null, true)
                    : new IngestedEvent(eventIds[i], outcomes[i], reasons[i], evidenceIds[i], false));
        }
        return result;
    }

    /** Queued events of one external user become suggested evidence of {@code personId}; returns how many. */
    public static int releaseUnmatched(Connection c, UUID sourceId, SourceKind kind, String externalId, UUID personId,
                                       Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement st = c.prepareStatement(RELEASE_UNMATCHED)) {
            st.setTimestamp(1, at);
            st.setObject(2, personId);
            st.setObject(3, sourceId);
            st.setString(4, kind.identity().name());
            st.setString(5, externalId);
            st.setObject(6, personId);
            st.setString(7, kind.evidenceSource().name());
            st.setTimestamp(8, at);
            st.setTimestamp(9, at);
            st.setTimestamp(10, at);
            return st.executeUpdate();
        }
    }

    private static Map<String, UUID> links(Connection c, UUID sourceId, IdentityKind identity, Set<String> users)
            throws SQLException {
        Map<String, UUID> people = new HashMap<>();
        if (users.isEmpty()) {
            return people;
        }
        try (PreparedStatement st = c.prepareStatement(LOOKUP_LINKS)) {
            st.setObject(1, sourceId);
            st.setString(2, identity.name());
            st.setArray(3, c.createArrayOf("text", users.toArray(String[]::new)));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    people.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        return people;
    }

    private static String[] linksOf(IncomingEvent e) {
        return e.url() == null ? new String[0] : new String[] {e.url()};
    }

    static LocalDate dateOf(Instant instant) {
        return instant.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
