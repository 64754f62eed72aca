package dev.ascent.evidence.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Idempotency-Key records (the generic batch API in the README). A key is claimed in its own committed transaction
 * before the work starts, so a concurrent duplicate sees it in flight; the answer is stored in
 * the same transaction as the work, so a replay answers exactly what the first call did.
 */
public final class IdempotencyStore {

    /** What a claim found. */
    public sealed interface Claim {
        /** The key is ours: do the work. */
        record Claimed() implements Claim {
        }

        /** The same request was answered before: send this again. */
        record Replay(int status, String body) implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }

        /** The same key is being processed right now. */
        record InFlight() implements Claim {
        }
    }

    private IdempotencyStore() {
    }

    /** On an auto-committing connection. A key left in flight longer than {@code staleAfter} may be taken over. */
    public static Claim claim(Connection c, UUID sourceId, String key, String requestHash, Instant now,
                              Duration staleAfter) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO evidence.idempotency_record (source_id, idempotency_key, request_hash, state, created_at)
                VALUES (?, ?, ?, 'IN_FLIGHT', ?) ON CONFLICT DO NOTHING""")) {
            st.setObject(1, sourceId);
            st.setString(2, key);
            st.setString(3, requestHash);
            st.setTimestamp(4, Timestamp.from(now));
            if (st.executeUpdate() == 1) {
                return new Claim.Claimed();
            }
        }
        try (PreparedStatement st = c.prepareStatement("""
                SELECT request_hash, state, response_status, response_body, created_at FROM evidence.idempotency_record
                WHERE source_id = ? AND idempotency_key = ?""")) {
            st.setObject(1, sourceId);
            st.setString(2, key);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    // released between our insert and this read: the caller may simply retry
                    return new Claim.InFlight();
                }
                if (!rs.getString(1).equals(requestHash)) {
                    return new Claim.Mismatch();
                }
                if ("DONE".equals(rs.getString(2))) {
                    return new Claim.Replay(rs.getInt(3), rs.getString(4));
                }
                Timestamp since = rs.getTimestamp(5);
                if (since.toInstant().plus(staleAfter).isAfter(now)) {
                    return new Claim.InFlight();
                }
                return takeOver(c, sourceId, key, since, now) ? new Claim.Claimed() : new Claim.InFlight();
            }
        }
    }

    /** In the work's transaction: the answer to replay from now on. */
    public static void complete(Connection c, UUID sourceId, String key, int status, String body, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE evidence.idempotency_record SET state = 'DONE', response_status = ?, response_body = ?, completed_at = ?
                WHERE source_id = ? AND idempotency_key = ?""")) {
            st.setInt(1, status);
            st.setString(2, body);
            st.setTimestamp(3, Timestamp.from(now));
            st.setObject(4, sourceId);
            st.setString(5, key);
            st.executeUpdate();
        }
    }

    /** The work failed and wrote nothing: forget the key so the client may retry. */
    public static void release(Connection c, UUID sourceId, String key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                DELETE FROM evidence.idempotency_record WHERE source_id = ? AND idempotency_key = ? AND state = 'IN_FLIGHT'""")) {
            st.setObject(1, sourceId);
            st.setString(2, key);
            st.executeUpdate();
        }
    }

    private static boolean takeOver(Connection c, UUID sourceId, String key, Timestamp since, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE evidence.idempotency_record SET created_at = ?
                WHERE source_id = ? AND idempotency_key = ? AND state = 'IN_FLIGHT' AND created_at = ?""")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setObject(2, sourceId);
            st.setString(3, key);
            st.setTimestamp(4, since);
            return st.executeUpdate() == 1;
        }
    }
}
