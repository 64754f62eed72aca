package dev.ascent.testsupport;

import dev.ascent.localpostgres.DatabaseAdmin;
import dev.ascent.localpostgres.EmbeddedServer;
import dev.ascent.localpostgres.PostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL server the tests of this JVM use, chosen once, in this order:
 * <ol>
 *   <li>{@code ASCENT_TEST_DB_URL} (with {@code ASCENT_TEST_DB_USER}, {@code ASCENT_TEST_DB_PASSWORD}):
 *       a server someone points us at;</li>
 *   <li>a Testcontainers PostgreSQL 15 where a Docker engine answers;</li>
 *   <li>the local server on {@code localhost:5432} as {@code postgres};</li>
 *   <li>an embedded PostgreSQL 15 in a temporary folder.</li>
 * </ol>
 * Every caller gets a database of its own, created empty, so no test sees another run's data.
 */
public final class TestPostgres {

    private static PostgresServer server;

    private TestPostgres() {
    }

    /** The chosen server, started on first use. */
    public static synchronized PostgresServer server() {
        if (server == null) {
            server = choose();
            System.out.println("[test-support] tests use " + server.description()
                    + " at " + server.host() + ":" + server.port());
        }
        return server;
    }

    /** Creates an empty database with a unique name and returns the name. */
    public static String createFreshDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            new DatabaseAdmin(server()).ensureDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    public static void dropDatabase(String name) {
        try {
            new DatabaseAdmin(server()).dropDatabase(name);
        } catch (SQLException e) {
            System.err.println("[test-support] could not drop " + name + ": " + e.getMessage());
        }
    }

    private static PostgresServer choose() {
        String url = System.getenv("ASCENT_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return PostgresServer.fromJdbcUrl(url, env("ASCENT_TEST_DB_USER", "postgres"),
                    env("ASCENT_TEST_DB_PASSWORD", "postgres"), "ASCENT_TEST_DB_URL");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new PostgresServer(container.getHost(), container.getMappedPort(5432),
                    container.getUsername(), container.getPassword(), "Testcontainers PostgreSQL");
        }
        if (answers("localhost", 5432)) {
            return new PostgresServer("localhost", 5432, env("ASCENT_TEST_DB_USER", "postgres"),
                    env("ASCENT_TEST_DB_PASSWORD", "postgres"), "local PostgreSQL");
        }
        try {
            // A test fixture: a throw-away cluster in a temporary folder, gone when the JVM exits, so
            // it runs fast without durability (fsync and synchronous commits off). The launcher's
            // embedded server is durable; see EmbeddedServer.
            EmbeddedServer embedded = EmbeddedServer.start(null, 0, Map.of("fsync", "off", "synchronous_commit", "off"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary cluster goes with it
                }
            }));
            return embedded.server();
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL for tests: none configured, no Docker, "
                    + "nothing on localhost:5432, and the embedded server failed", e);
        }
    }

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("ASCENT_TEST_DOCKER"))) {
            return false;
        }
        // Asking Testcontainers costs seconds and logs errors when there is plainly no engine.
        if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
