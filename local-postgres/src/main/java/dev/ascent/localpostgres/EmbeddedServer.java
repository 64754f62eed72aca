package dev.ascent.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An embedded PostgreSQL (binaries from a Maven artifact) for machines without a server. With a
 * data directory its data survives restarts; without one it lives in a temporary folder.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the cluster lives; {@code null} for a throw-away cluster
     * @param port          TCP port on 127.0.0.1; 0 picks a free one
     */
    public static EmbeddedServer start(Path dataDirectory, int port) throws IOException {
        return start(dataDirectory, port, Map.of());
    }

    /**
     * Starts a server with extra settings, e.g. {@code shared_preload_libraries=pg_stat_statements}
     * for the benchmark, which counts statements from the server's own statistics.
     */
    public static EmbeddedServer start(Path dataDirectory, int port, Map<String, String> settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
        settings.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        return new EmbeddedServer(builder.start());
    }

    public PostgresServer server() {
        // Trust authentication: the password is never checked, but clients such as Flyway want one.
        return new PostgresServer("127.0.0.1", postgres.getPort(), "postgres", "postgres", "embedded PostgreSQL");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
