package dev.ascent.testsupport;

import dev.ascent.localpostgres.EmbeddedServer;
import dev.ascent.localpostgres.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A PostgreSQL server of the test's own (embedded, on a fixed port and data directory) that the test
 * can stop and start again, to show what a service does while its database is down and that it
 * recovers without a restart.
 */
public class RestartablePostgres implements QuarkusTestResourceLifecycleManager {

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedServer running;

    @Override
    public synchronized Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("ascent-outage-pg");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            startServer();
            PostgresServer server = running.server();
            return Map.of(
                    "quarkus.datasource.jdbc.url", server.jdbcUrl("postgres"),
                    "quarkus.flyway.username", server.adminUser(),
                    "quarkus.flyway.password", server.adminPassword(),
                    // a request waits this long for a connection while the server is down
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server as an outage would. */
    public static synchronized void stopServer() throws IOException {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** Starts it again on the same port with the same data. */
    public static synchronized void startServer() throws IOException {
        if (running == null) {
            running = EmbeddedServer.start(dataDirectory, port);
        }
    }

    @Override
    public synchronized void stop() {
        try {
            stopServer();
        } catch (IOException e) {
            System.err.println("[test-support] could not stop the restartable PostgreSQL: " + e.getMessage());
        }
    }
}
