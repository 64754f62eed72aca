package dev.ascent.localpostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/** Creates, checks and drops databases on a server with its administrative account. */
public final class DatabaseAdmin {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final PostgresServer server;

    public DatabaseAdmin(PostgresServer server) {
        this.server = server;
    }

    /** Opens a connection to one database as the administrative account. */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.adminUser());
        if (!server.adminPassword().isEmpty()) {
            props.setProperty("password", server.adminPassword());
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(server.jdbcUrl(database), props);
    }

    /** Checks that the server answers and accepts the account; throws with the driver's reason otherwise. */
    public String serverVersion() throws SQLException {
        try (Connection c = connect("postgres")) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    /** Creates the database unless it exists; returns whether it was created. */
    public boolean ensureDatabase(String name) throws SQLException {
        requireSafe(name);
        try (Connection c = connect("postgres")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                if (ps.executeQuery().next()) {
                    return false;
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
                return true;
            } catch (SQLException e) {
                // Another process created it between the check and the create.
                if ("42P04".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        }
    }

    /** Drops the database, closing the sessions still connected to it. */
    public void dropDatabase(String name) throws SQLException {
        requireSafe(name);
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void requireSafe(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unsafe database name: " + name);
        }
    }
}
