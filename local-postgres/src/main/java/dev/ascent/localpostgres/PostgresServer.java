package dev.ascent.localpostgres;

import java.net.URI;

/**
 * A PostgreSQL server reachable with an administrative account: the account creates databases
 * and runs the services' Flyway migrations, which create each service's own role.
 *
 * @param host          host name or address
 * @param port          TCP port
 * @param adminUser     a role allowed to create databases and roles
 * @param adminPassword its password (empty for trust authentication)
 * @param description   where the server came from, for log lines
 */
public record PostgresServer(String host, int port, String adminUser, String adminPassword, String description) {

    /** JDBC URL of one database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * Reads a server from a JDBC URL such as {@code jdbc:postgresql://db:5432/ascent}; the path is
     * ignored because callers name the database they want.
     */
    public static PostgresServer fromJdbcUrl(String jdbcUrl, String user, String password, String description) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        return new PostgresServer(uri.getHost(), port, user, password == null ? "" : password, description);
    }

    /** Database name in the path of a JDBC URL, or {@code null} when it names none. */
    public static String databaseOf(String jdbcUrl) {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return path == null || path.length() <= 1 ? null : path.substring(1);
    }
}
