package dev.ascent.evidence.ingest;

import dev.ascent.evidence.ids.TimeOrderedIds;
import dev.ascent.evidence.integration.IdentityKind;
import dev.ascent.evidence.integration.SourceKind;
import dev.ascent.evidence.mapping.EvidenceMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
 * However many events arrive, {@link #ingest} costs at most four statements: one identity
 * lookup, then one insert each for the events, the suggested evidence (with its first status
 * change) and the unmatched queue. Ids are generated here; no row costs its own round trip.
 */
public final class EventStore {

    static final String LOOKUP_LINKS = """
            SELECT identity_kind, external_id, person_id FROM evidence.identity_link
            WHERE source_id = ? AND ((identity_kind = ? AND external_id = ANY (?::text[]))
                                     OR (identity_kind = 'EMAIL' AND external_id = ANY (?::text[])))
            """;

    /*
     * Each insert is ONE statement however many rows: the rows travel as parallel arrays and
     * unnest() turns them back into rows inside PostgreSQL. (A JDBC batch would still send one
     * bind/execute message per row.) Arrays are sent as text[] and cast, which every driver
     * version binds the same way; list columns travel comma-joined (competency codes and ids
     * contain no commas) and a single link as text.
     *
     * An event already recorded (a webhook redelivery: same source and delivery id; a generic event
     * whose externalId the source has applied) conflicts and is skipped: ON CONFLICT without a
     * target covers both unique indexes, and RETURNING names only the rows inserted, so only they
     * go on to make evidence. A concurrent batch holding the same externalId makes this insert wait
     * for it to commit (then skip) or roll back (then insert). Rows go in externalId order, so two
     * batches sharing ids always take them in the same order and cannot deadlock on each other.
     */
    static final String INSERT_EVENTS = """
            INSERT INTO evidence.ingested_event (id, source_id, delivery_id, external_event_id, event_type, outcome, reason,
                identity_kind, external_id, person_id, title, summary, links, occurred_at, rule_id, kind, competencies,
                received_at)
            SELECT t.id::uuid, ?::uuid, t.delivery_id, t.external_event_id, t.event_type, t.outcome, t.reason,
                   t.identity_kind, t.external_id, t.person_id::uuid, t.title, t.summary,
                   CASE WHEN t.url IS NULL THEN '{}'::text[] ELSE ARRAY[t.url] END,
                   t.occurred_at::date, t.rule_id::uuid, t.kind,
                   CASE WHEN t.competencies IS NULL THEN '{}'::text[] ELSE string_to_array(t.competencies, ',') END,
                   ?::timestamptz
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 AS t(id, delivery_id, external_event_id, event_type, outcome, reason, identity_kind, external_id,
                      person_id, title, summary, url, occurred_at, rule_id, kind, competencies)
            ORDER BY t.external_event_id
            ON CONFLICT DO NOTHING
            RETURNING id
            """;

    /**
     * The suggested evidence and, in the same statement, the first step of its status history.
     * Evidence names its source and rule without foreign keys (V4): a key check per row locked the
     * same source and rule rows once per event, and concurrent batches turned those locks into
     * multixacts. Instead the rules are key-share locked once here (a rule deleted meanwhile leaves
     * {@code rule_id} empty), and the source already is, by this transaction's ingested events.
     */
    static final String INSERT_EVIDENCE = """
            WITH rules AS (SELECT id FROM evidence.mapping_rule FOR KEY SHARE),
            created AS (
                INSERT INTO evidence.evidence (id, person_id, kind, competencies, title, summary, links, occurred_at,
                    source, status, source_id, source_event_id, rule_id, created_at, updated_at)
                SELECT t.id::uuid, t.person_id::uuid, t.kind, string_to_array(t.competencies, ','), t.title, t.summary,
                       CASE WHEN t.url IS NULL THEN '{}'::text[] ELSE ARRAY[t.url] END, t.occurred_at::date,
                       ?, 'SUGGESTED', ?::uuid, t.event_id::uuid, (SELECT r.id FROM rules r WHERE r.id = t.rule_id::uuid),
                       ?::timestamptz, ?::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[])
                     AS t(id, person_id, kind, competencies, title, summary, url, occurred_at, event_id, rule_id)
                RETURNING id)
            INSERT INTO evidence.status_change (id, evidence_id, from_status, to_status, actor_id, reason, changed_at)
            SELECT t.id::uuid, t.evidence_id::uuid, NULL, 'SUGGESTED', NULL, ?, ?::timestamptz
            FROM unnest(?::text[], ?::text[]) AS t(id, evidence_id)
            WHERE t.evidence_id::uuid IN (SELECT id FROM created)
            """;

    static final String INSERT_UNMATCHED = """
            INSERT INTO evidence.unmatched_event (event_id, source_id, identity_kind, external_id, email, queued_at)
            SELECT t.event_id::uuid, ?::uuid, t.identity_kind, t.external_id, t.email, ?::timestamptz
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS t(event_id, identity_kind, external_id, email)
            """;

    /**
     * Turns every queued event of one external user into suggested evidence of {@code personId}:
     * one statement, whatever the length of the queue.
     */
    static final String RELEASE_UNMATCHED = """
            WITH released AS (
                UPDATE evidence.unmatched_event SET resolved_at = ?, person_id = ?
                WHERE source_id = ? AND resolved_at IS NULL
                  AND ((identity_kind = ? AND external_id = ?) OR (? = 'EMAIL' AND email = ?))
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
                       (SELECT r.id FROM evidence.mapping_rule r WHERE r.id = e.rule_id FOR KEY SHARE), ?, ?
                FROM events e
                RETURNING id)
            INSERT INTO evidence.status_change (id, evidence_id, from_status, to_status, actor_id, reason, changed_at)
            SELECT gen_random_uuid(), c.id, NULL, 'SUGGESTED', NULL, 'identity linked', ? FROM created c
            """;

    private EventStore() {
    }

    public static List<IngestedEvent> ingest(Connection c, UUID sourceId, SourceKind kind, List<IncomingEvent> events,
                                             EvidenceMapper mapper, Instant now) throws SQLException {
        return ingest(c, sourceId, kind, events, mapper, Map.of(), now);
    }

    /**
     * As {@link #ingest(Connection, UUID, SourceKind, List, EvidenceMapper, Instant)}, with the people
     * directory's answer for the events' emails ({@link #actorEmail}, normalised): an event no identity
     * link resolves goes to the person whose email it carries. Links always win, the tool's own
     * identity first, then an email link, then the directory.
     */
    public static List<IngestedEvent> ingest(Connection c, UUID sourceId, SourceKind kind, List<IncomingEvent> events,
                                             EvidenceMapper mapper, Map<String, UUID> directory, Instant now)
            throws SQLException {
        IdentityKind identity = kind.identity();
        int n = events.size();
        List<Optional<EvidenceMapper.Suggestion>> suggestions = new ArrayList<>(n);
        String[] users = new String[n];
        String[] emails = new String[n];
        Set<String> named = new LinkedHashSet<>();
        Set<String> mailed = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            IncomingEvent e = events.get(i);
            Optional<EvidenceMapper.Suggestion> s = e.ignoredReason() == null
                    ? mapper.map(e.toProjectEvent(kind.name())) : Optional.empty();
            suggestions.add(s);
            users[i] = e.externalUser() == null || e.externalUser().isBlank() ? null : identity.normalise(e.externalUser());
            emails[i] = e.email() == null || e.email().isBlank() ? null : IdentityKind.EMAIL.normalise(e.email());
            if (s.isPresent() && users[i] != null) {
                named.add(users[i]);
            }
            if (s.isPresent() && emails[i] != null) {
                mailed.add(emails[i]);
            }
        }
        Map<String, UUID> people = links(c, sourceId, identity, named, mailed);

        UUID[] eventIds = new UUID[n];
        Outcome[] outcomes = new Outcome[n];
        String[] reasons = new String[n];
        UUID[] personIds = new UUID[n];
        IdentityKind[] idKinds = new IdentityKind[n];
        String[] idValues = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingEvent e = events.get(i);
            Optional<EvidenceMapper.Suggestion> s = suggestions.get(i);
            eventIds[i] = TimeOrderedIds.next();
            // the tool's own identity first; its email when that is all it sent
            idKinds[i] = users[i] != null ? identity : emails[i] != null ? IdentityKind.EMAIL : null;
            idValues[i] = users[i] != null ? users[i] : emails[i];
            if (e.ignoredReason() != null) {
                outcomes[i] = Outcome.IGNORED;
                reasons[i] = e.ignoredReason();
            } else if (s.isEmpty()) {
                outcomes[i] = Outcome.IGNORED;
                reasons[i] = "no mapping rule matched";
            } else if (idValues[i] == null) {
                outcomes[i] = Outcome.IGNORED;
                reasons[i] = "the event names no user";
            } else {
                personIds[i] = users[i] != null ? people.get(identity.name() + "|" + users[i]) : null;
                if (personIds[i] == null && emails[i] != null) {
                    personIds[i] = people.get(IdentityKind.EMAIL.name() + "|" + emails[i]);
                }
                String actorEmail = actorEmail(identity, users[i], emails[i]);
                if (personIds[i] == null && actorEmail != null) {
                    personIds[i] = directory.get(actorEmail);
                }
                outcomes[i] = personIds[i] == null ? Outcome.UNMATCHED : Outcome.EVIDENCE;
            }
        }
        String at = now.toString();

        Set<UUID> inserted = new java.util.HashSet<>();
        try (PreparedStatement st = c.prepareStatement(INSERT_EVENTS)) {
            int p = 1;
            st.setString(p++, sourceId.toString());
            st.setString(p++, at);
            p = texts(c, st, p, n, i -> eventIds[i]);
            p = texts(c, st, p, n, i -> events.get(i).deliveryId());
            p = texts(c, st, p, n, i -> events.get(i).externalId());
            p = texts(c, st, p, n, i -> events.get(i).eventType());
            p = texts(c, st, p, n, i -> outcomes[i]);
            p = texts(c, st, p, n, i -> reasons[i]);
            p = texts(c, st, p, n, i -> idKinds[i]);
            p = texts(c, st, p, n, i -> idValues[i]);
            p = texts(c, st, p, n, i -> personIds[i]);
            p = texts(c, st, p, n, i -> events.get(i).title());
            p = texts(c, st, p, n, i -> events.get(i).body());
            p = texts(c, st, p, n, i -> events.get(i).url());
            p = texts(c, st, p, n, i -> events.get(i).occurredAt());
            p = texts(c, st, p, n, i -> suggestions.get(i).map(EvidenceMapper.Suggestion::ruleId).orElse(null));
            p = texts(c, st, p, n, i -> suggestions.get(i).map(EvidenceMapper.Suggestion::kind).orElse(null));
            texts(c, st, p, n, i -> suggestions.get(i).map(x -> String.join(",", x.competencies())).orElse(null));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!inserted.contains(eventIds[i])) {
                eventIds[i] = null; // a redelivery, or an externalId applied before: the first one's effects stand
            }
        }

        UUID[] evidenceIds = new UUID[n];
        List<Integer> toEvidence = new ArrayList<>();
        List<Integer> toQueue = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (eventIds[i] != null && outcomes[i] == Outcome.EVIDENCE) {
                toEvidence.add(i);
                evidenceIds[i] = TimeOrderedIds.next();
            } else if (eventIds[i] != null && outcomes[i] == Outcome.UNMATCHED) {
                toQueue.add(i);
            }
        }
        if (!toEvidence.isEmpty()) {
            int m = toEvidence.size();
            try (PreparedStatement st = c.prepareStatement(INSERT_EVIDENCE)) {
                int p = 1;
                st.setString(p++, kind.evidenceSource().name());
                st.setString(p++, sourceId.toString());
                st.setString(p++, at);
                st.setString(p++, at);
                p = texts(c, st, p, m, j -> evidenceIds[toEvidence.get(j)]);
                p = texts(c, st, p, m, j -> personIds[toEvidence.get(j)]);
                p = texts(c, st, p, m, j -> suggestions.get(toEvidence.get(j)).orElseThrow().kind());
                p = texts(c, st, p, m, j -> String.join(",", suggestions.get(toEvidence.get(j)).orElseThrow().competencies()));
                p = texts(c, st, p, m, j -> events.get(toEvidence.get(j)).title());
                p = texts(c, st, p, m, j -> events.get(toEvidence.get(j)).body());
                p = texts(c, st, p, m, j -> events.get(toEvidence.get(j)).url());
                p = texts(c, st, p, m, j -> events.get(toEvidence.get(j)).occurredAt());
                p = texts(c, st, p, m, j -> eventIds[toEvidence.get(j)]);
                p = texts(c, st, p, m, j -> suggestions.get(toEvidence.get(j)).orElseThrow().ruleId());
                st.setString(p++, "suggested by the " + kind.name() + " integration");
                st.setString(p++, at);
                p = texts(c, st, p, m, j -> TimeOrderedIds.next());
                texts(c, st, p, m, j -> evidenceIds[toEvidence.get(j)]);
                st.executeUpdate();
            }
        }
        if (!toQueue.isEmpty()) {
            int m = toQueue.size();
            try (PreparedStatement st = c.prepareStatement(INSERT_UNMATCHED)) {
                int p = 1;
                st.setString(p++, sourceId.toString());
                st.setString(p++, at);
                p = texts(c, st, p, m, j -> eventIds[toQueue.get(j)]);
                p = texts(c, st, p, m, j -> idKinds[toQueue.get(j)]);
                p = texts(c, st, p, m, j -> idValues[toQueue.get(j)]);
                texts(c, st, p, m, j -> emails[toQueue.get(j)]);
                st.executeUpdate();
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

    /** Binds one column of n rows as a text[] parameter; returns the next parameter index. */
    private static int texts(Connection c, PreparedStatement st, int index, int n, java.util.function.IntFunction<Object> value)
            throws SQLException {
        String[] column = new String[n];
        for (int i = 0; i < n; i++) {
            Object v = value.apply(i);
            column[i] = v == null ? null : v.toString();
        }
        st.setArray(index, c.createArrayOf("text", column));
        return index + 1;
    }

    /**
     * Queued events of one external user become suggested evidence of {@code personId}; returns
     * how many. An EMAIL link also releases events queued under the tool's own identity that
     * carried that email.
     */
    public static int releaseUnmatched(Connection c, UUID sourceId, SourceKind kind, IdentityKind identityKind,
                                       String externalId, UUID personId, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement st = c.prepareStatement(RELEASE_UNMATCHED)) {
            st.setTimestamp(1, at);
            st.setObject(2, personId);
            st.setObject(3, sourceId);
            st.setString(4, identityKind.name());
            st.setString(5, externalId);
            st.setString(6, identityKind.name());
            st.setString(7, externalId);
            st.setObject(8, personId);
            st.setString(9, kind.evidenceSource().name());
            st.setTimestamp(10, at);
            st.setTimestamp(11, at);
            st.setTimestamp(12, at);
            return st.executeUpdate();
        }
    }

    /**
     * The email an event names its actor by, normalised: the one it sent alongside the tool's identity,
     * else the identity itself when the tool names users by email (generic batches); else {@code null}.
     */
    public static String actorEmail(IdentityKind identity, String user, String email) {
        if (email != null && !email.isBlank()) {
            return IdentityKind.EMAIL.normalise(email);
        }
        return identity == IdentityKind.EMAIL && user != null && !user.isBlank() ? identity.normalise(user) : null;
    }

    /** Linked people by {@code KIND|external id}: one query for the tool's identities and emails together. */
    private static Map<String, UUID> links(Connection c, UUID sourceId, IdentityKind identity, Set<String> users,
                                           Set<String> emails) throws SQLException {
        Map<String, UUID> people = new HashMap<>();
        if (users.isEmpty() && emails.isEmpty()) {
            return people;
        }
        try (PreparedStatement st = c.prepareStatement(LOOKUP_LINKS)) {
            st.setObject(1, sourceId);
            st.setString(2, identity.name());
            st.setArray(3, c.createArrayOf("text", users.toArray(String[]::new)));
            st.setArray(4, c.createArrayOf("text", emails.toArray(String[]::new)));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    people.put(rs.getString(1) + "|" + rs.getString(2), rs.getObject(3, UUID.class));
                }
            }
        }
        return people;
    }


}
