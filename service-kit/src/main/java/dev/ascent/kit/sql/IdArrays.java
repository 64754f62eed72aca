package dev.ascent.kit.sql;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Runs reads that bind a list of ids as one array ({@code = ANY(:ids)}) so that PostgreSQL plans each
 * only when planning pays.
 * <p>
 * One id (a person's page, the overview) binds it alone, {@code ANY(ARRAY[:ids])}: the statement is
 * prepared on the server and its plan reused. An array parameter would be planned at every call, since
 * PostgreSQL prices a reusable plan for ten elements and a one-element plan always looks cheaper; at
 * 16 concurrent readiness reads, planning took 2.7 times as long as running the statements.
 * <p>
 * More ids (team reports, up to 10,000) run as unnamed statements, planned for the array they bind: a
 * reused plan priced for ten ids probes an index once per id, where a hash of the array is one scan
 * (assessment-service's part of a 10,000-person report: about 300 ms against 90).
 */
public final class IdArrays {

    /** Where a JPA native query names its ids. */
    public static final String JPA_MARKER = "ANY(:ids)";
    /** Where a JDBC statement names its ids, bound as text and cast. */
    public static final String JDBC_MARKER = "ANY(?::uuid[])";

    private IdArrays() {
    }

    /**
     * A native read through JPA: {@code read} gets the SQL to run and the value to bind to {@code :ids}
     * (each id once).
     */
    public static <T> T read(EntityManager em, String sql, Collection<UUID> ids, JpaRead<T> read) {
        requireMarker(sql, JPA_MARKER);
        UUID[] all = ids.stream().distinct().toArray(UUID[]::new);
        if (all.length == 1) {
            return read.run(sql.replace(JPA_MARKER, "ANY(ARRAY[:ids])"), all[0]);
        }
        // The statements made inside the work get the connection's threshold when they are created.
        return em.unwrap(Session.class).doReturningWork(connection -> {
            PGConnection pg = connection.unwrap(PGConnection.class);
            int before = pg.getPrepareThreshold();
            pg.setPrepareThreshold(0);
            try {
                return read.run(sql, all);
            } finally {
                pg.setPrepareThreshold(before);
            }
        });
    }

    /**
     * A JDBC statement for {@code count} ids, with {@link #JDBC_MARKER} where they go; bind them with
     * {@link #bind}.
     */
    public static PreparedStatement prepare(Connection connection, String sql, int count) throws SQLException {
        requireMarker(sql, JDBC_MARKER);
        if (count == 1) {
            return connection.prepareStatement(sql.replace(JDBC_MARKER, "ANY(ARRAY[?::uuid])"));
        }
        return unnamed(connection, sql);
    }

    /** A statement the driver never prepares on the server: planned for the values bound at every run. */
    public static PreparedStatement unnamed(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }

    /** Binds ids to a statement from {@link #prepare} made for as many. */
    public static void bind(PreparedStatement statement, int index, String[] ids) throws SQLException {
        if (ids.length == 1) {
            statement.setString(index, ids[0]);
        } else {
            statement.setArray(index, statement.getConnection().createArrayOf("text", ids));
        }
    }

    private static void requireMarker(String sql, String marker) {
        if (!sql.contains(marker)) {
            throw new IllegalArgumentException("the statement names no " + marker + ": " + sql);
        }
    }

    /** Runs a native query with the SQL given and the value for {@code :ids}. */
    @FunctionalInterface
    public interface JpaRead<T> {
        T run(String sql, Object ids);
    }
}
