package dev.ascent.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The floor under ingestion: the rows an ingestion run wrote (its ingested events, their suggested
 * evidence and the first step of each item's status history) written again by plain JDBC batches
 * into the same tables, with the same indexes, by as many connections as the run had clients, one
 * transaction per 1,000 events, on connections whose driver rewrites each batch as multi-row inserts
 * (plain JDBC at its fastest; without the rewrite, the same rows went in at about half the rate).
 * New ids are time-ordered as the platform's are, so the copies land on the indexes as its rows do.
 * What is left between this and the gateway's figure is what the platform adds: HTTP, JSON,
 * validation, identity resolution, mapping and the gateway's hop.
 */
final class SameRowsBaseline {

    private record EventRow(UUID id, String eventType, String externalEventId, String outcome, String reason,
                            String identityKind, String externalId, UUID personId, String title, String summary,
                            String[] links, java.sql.Date occurredAt, UUID ruleId, String kind, String[] competencies,
                            Timestamp receivedAt) {
    }

    private record EvidenceRow(UUID id, UUID eventId, UUID personId, String kind, String[] competencies, String title,
                               String summary, String[] links, java.sql.Date occurredAt, String source, String status,
                               UUID ruleId, Timestamp createdAt, Timestamp updatedAt) {
    }

    private record ChangeRow(UUID evidenceId, String fromStatus, String toStatus, String reason, Timestamp changedAt) {
    }

    private final Callable<Connection> connections;

    SameRowsBaseline(Callable<Connection> connections) {
        this.connections = connections;
    }

    /**
     * Copies the rows of {@code sourceId} under a scratch source, timed, then deletes the copies.
     *
     * @return events per second
     */
    double eventsPerSecond(UUID sourceId, int clients) throws Exception {
        List<EventRow> events = new ArrayList<>();
        Map<UUID, EvidenceRow> evidenceByEvent = new HashMap<>();
        Map<UUID, List<ChangeRow>> changesByEvidence = new HashMap<>();
        UUID scratch = UUID.randomUUID();
        try (Connection c = connections.call()) {
            read(c, sourceId, events, evidenceByEvent, changesByEvidence);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence.integration_source "
                    + "(id, kind, name, secret_encrypted, created_at, updated_at) SELECT ?, kind, 'bench same-rows baseline', "
                    + "secret_encrypted, created_at, updated_at FROM evidence.integration_source WHERE id = ?")) {
                ps.setObject(1, scratch);
                ps.setObject(2, sourceId);
                ps.executeUpdate();
            }
        }
        List<List<EventRow>> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += 1000) {
            batches.add(events.subList(i, Math.min(events.size(), i + 1000)));
        }
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Void>> parts = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client;
                parts.add(pool.submit(() -> {
                    try (Connection c = connections.call()) {
                        c.setAutoCommit(false);
                        for (int b = first; b < batches.size(); b += clients) {
                            write(c, scratch, batches.get(b), evidenceByEvent, changesByEvidence);
                            c.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> part : parts) {
                part.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        remove(scratch);
        return events.size() / seconds;
    }

    private static void read(Connection c, UUID sourceId, List<EventRow> events, Map<UUID, EvidenceRow> evidenceByEvent,
                             Map<UUID, List<ChangeRow>> changesByEvidence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, event_type, external_event_id, outcome, reason, "
                + "identity_kind, external_id, person_id, title, summary, links, occurred_at, rule_id, kind, competencies, "
                + "received_at FROM evidence.ingested_event WHERE source_id = ? ORDER BY received_at, id")) {
            ps.setObject(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new EventRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9),
                            rs.getString(10), strings(rs.getArray(11)), rs.getDate(12), rs.getObject(13, UUID.class),
                            rs.getString(14), strings(rs.getArray(15)), rs.getTimestamp(16)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, source_event_id, person_id, kind, competencies, title, "
                + "summary, links, occurred_at, source, status, rule_id, created_at, updated_at FROM evidence.evidence "
                + "WHERE source_id = ?")) {
            ps.setObject(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EvidenceRow row = new EvidenceRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getString(4), strings(rs.getArray(5)), rs.getString(6),
                            rs.getString(7), strings(rs.getArray(8)), rs.getDate(9), rs.getString(10), rs.getString(11),
                            rs.getObject(12, UUID.class), rs.getTimestamp(13), rs.getTimestamp(14));
                    if (row.eventId() != null) {
                        evidenceByEvent.put(row.eventId(), row);
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT s.evidence_id, s.from_status, s.to_status, s.reason, "
                + "s.changed_at FROM evidence.status_change s JOIN evidence.evidence e ON e.id = s.evidence_id "
                + "WHERE e.source_id = ?")) {
            ps.setObject(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ChangeRow row = new ChangeRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5));
                    changesByEvidence.computeIfAbsent(row.evidenceId(), k -> new ArrayList<>()).add(row);
                }
            }
        }
    }

    /** One batch: its events, then their evidence, then the evidence's history, each one JDBC batch. */
    private static void write(Connection c, UUID source, List<EventRow> batch, Map<UUID, EvidenceRow> evidenceByEvent,
                              Map<UUID, List<ChangeRow>> changesByEvidence) throws SQLException {
        List<EvidenceRow> evidence = new ArrayList<>();
        List<UUID> newEvidenceIds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence.ingested_event (id, source_id, delivery_id, "
                + "external_event_id, event_type, outcome, reason, identity_kind, external_id, person_id, title, summary, "
                + "links, occurred_at, rule_id, kind, competencies, received_at) "
                + "VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (EventRow e : batch) {
                UUID id = timeOrdered();
                ps.setObject(1, id);
                ps.setObject(2, source);
                ps.setString(3, e.externalEventId() == null ? null : UUID.randomUUID().toString());
                ps.setString(4, e.eventType());
                ps.setString(5, e.outcome());
                ps.setString(6, e.reason());
                ps.setString(7, e.identityKind());
                ps.setString(8, e.externalId());
                ps.setObject(9, e.personId());
                ps.setString(10, e.title());
                ps.setString(11, e.summary());
                ps.setArray(12, array(c, "text", e.links()));
                ps.setDate(13, e.occurredAt());
                ps.setObject(14, e.ruleId());
                ps.setString(15, e.kind());
                ps.setArray(16, array(c, "text", e.competencies()));
                ps.setTimestamp(17, e.receivedAt());
                ps.addBatch();
                EvidenceRow made = evidenceByEvent.get(e.id());
                if (made != null) {
                    evidence.add(new EvidenceRow(made.id(), id, made.personId(), made.kind(), made.competencies(),
                            made.title(), made.summary(), made.links(), made.occurredAt(), made.source(), made.status(),
                            made.ruleId(), made.createdAt(), made.updatedAt()));
                    newEvidenceIds.add(timeOrdered());
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence.evidence (id, person_id, kind, competencies, "
                + "title, summary, links, occurred_at, source, status, source_id, source_event_id, rule_id, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement history = c.prepareStatement("INSERT INTO evidence.status_change (id, evidence_id, "
                     + "from_status, to_status, actor_id, reason, changed_at) VALUES (?, ?, ?, ?, NULL, ?, ?)")) {
            for (int i = 0; i < evidence.size(); i++) {
                EvidenceRow e = evidence.get(i);
                UUID id = newEvidenceIds.get(i);
                ps.setObject(1, id);
                ps.setObject(2, e.personId());
                ps.setString(3, e.kind());
                ps.setArray(4, array(c, "varchar", e.competencies()));
                ps.setString(5, e.title());
                ps.setString(6, e.summary());
                ps.setArray(7, array(c, "text", e.links()));
                ps.setDate(8, e.occurredAt());
                ps.setString(9, e.source());
                ps.setString(10, e.status());
                ps.setObject(11, source);
                ps.setObject(12, e.eventId());
                ps.setObject(13, e.ruleId());
                ps.setTimestamp(14, e.createdAt());
                ps.setTimestamp(15, e.updatedAt());
                ps.addBatch();
                for (ChangeRow change : changesByEvidence.getOrDefault(e.id(), List.of())) {
                    history.setObject(1, timeOrdered());
                    history.setObject(2, id);
                    history.setString(3, change.fromStatus());
                    history.setString(4, change.toStatus());
                    history.setString(5, change.reason());
                    history.setTimestamp(6, change.changedAt());
                    history.addBatch();
                }
            }
            ps.executeBatch();
            history.executeBatch();
        }
    }

    private void remove(UUID scratch) throws Exception {
        try (Connection c = connections.call()) {
            removeSource(c, scratch);
        }
    }

    /**
     * Deletes an integration source and all it wrote (events, evidence, their history, identity links)
     * in one transaction, so measures leave the generated organisation as generated.
     */
    static void removeSource(Connection c, UUID source) throws SQLException {
        c.setAutoCommit(false);
        for (String sql : List.of(
                "DELETE FROM evidence.status_change s USING evidence.evidence e WHERE s.evidence_id = e.id AND e.source_id = ?",
                "DELETE FROM evidence.evidence WHERE source_id = ?",
                "DELETE FROM evidence.ingested_event WHERE source_id = ?",
                "DELETE FROM evidence.identity_link WHERE source_id = ?",
                "DELETE FROM evidence.integration_source WHERE id = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, source);
                ps.executeUpdate();
            }
        }
        c.commit();
    }

    /**
     * A version 7 id (RFC 9562: Unix milliseconds, then random bits), laid out as evidence-service's
     * {@code TimeOrderedIds} makes them; the bench talks to the platform from outside and cannot use it.
     */
    private static UUID timeOrdered() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? null : (String[]) array.getArray();
    }

    private static Array array(Connection c, String type, String[] values) throws SQLException {
        return values == null ? null : c.createArrayOf(type, values);
    }
}
