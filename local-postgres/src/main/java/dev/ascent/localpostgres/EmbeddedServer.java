package dev.ascent.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * An embedded PostgreSQL (binaries from a Maven artifact) for machines without a server. With a
 * data directory its data survives restarts; without one it lives in a temporary folder.
 *
 * <p>The server is durable: a commit it acknowledges survives the server's crash. The embedded
 * library is built for throw-away test clusters and starts {@code postgres} with {@code -F}
 * (fsync off) and {@code synchronous_commit=off}; {@link #DURABLE} turns both back on. The server
 * applies its command-line options in order and the library puts {@code -c NAME=VALUE} after
 * {@code -F}, so {@code -c fsync=on} wins. Only extra settings passed to {@link #start(Path, int, Map)}
 * can weaken this (the benchmark may, and says so; test fixtures do, for speed).
 */
public final class EmbeddedServer implements AutoCloseable {

    /** The settings that make acknowledged commits survive a crash of the server or the machine. */
    public static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on");

    /** Time given to the processes of a killed server to notice and exit before a restart gives up. */
    private static final long ORPHANS_GRACE_MILLIS = 15_000;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a durable server.
     *
     * @param dataDirectory where the cluster lives; {@code null} for a throw-away cluster
     * @param port          TCP port on 127.0.0.1; 0 picks a free one
     */
    public static EmbeddedServer start(Path dataDirectory, int port) throws IOException {
        return start(dataDirectory, port, Map.of());
    }

    /**
     * Starts a server with extra settings, e.g. {@code shared_preload_libraries=pg_stat_statements}
     * for the benchmark, which counts statements from the server's own statistics. The settings
     * are applied after {@link #DURABLE}, so a setting such as {@code fsync=off} overrides it.
     */
    public static EmbeddedServer start(Path dataDirectory, int port, Map<String, String> settings) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listen_addresses", "127.0.0.1");
        // TCP only. A Unix socket would come with a lock file in /tmp naming the server's pid, which a
        // killed server leaves behind like postmaster.pid, and which blocks a restart on its port.
        config.put("unix_socket_directories", "");
        config.put("max_connections", "200");
        config.putAll(DURABLE);
        config.putAll(settings);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        config.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            clearStaleLockFile(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        return new EmbeddedServer(builder.start(), dataDirectory);
    }

    /**
     * Removes the {@code postmaster.pid} a killed server left behind when the process it names is
     * not alive. PostgreSQL removes such a file itself when that pid does not exist, but takes a
     * zombie (a killed server its parent has not reaped) or a reused pid for a running server and
     * refuses to start. The file is removed only once no process of the old server still runs in
     * the data directory: its children notice the server's death and exit within a moment, and a
     * new server must not share the directory with them.
     */
    static void clearStaleLockFile(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        OptionalLong pid = postmasterPid(dataDirectory);
        if (pid.isEmpty() || isPostmasterOf(pid.getAsLong(), dataDirectory)) {
            return;
        }
        long deadline = System.currentTimeMillis() + ORPHANS_GRACE_MILLIS;
        List<Long> left = Processes.postgresIn(dataDirectory);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            sleep(100);
            left = Processes.postgresIn(dataDirectory);
        }
        if (!left.isEmpty()) {
            throw new IOException("processes of a stopped PostgreSQL still run in " + dataDirectory + ": " + left);
        }
        Files.deleteIfExists(lockFile);
    }

    /** Whether {@code pid} is a live postgres server process running in {@code dataDirectory}. */
    private static boolean isPostmasterOf(long pid, Path dataDirectory) {
        return Processes.alive(pid)
                && (!Files.isDirectory(Path.of("/proc/self")) || Processes.postgresIn(dataDirectory).contains(pid));
    }

    /** The pid named in a data directory's {@code postmaster.pid}, whether or not it is alive. */
    public static OptionalLong postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The server process itself (not the {@code pg_ctl} that started it), when it has a data directory. */
    public OptionalLong postmasterPid() {
        return dataDirectory == null ? OptionalLong.empty() : postmasterPid(dataDirectory);
    }

    /** The server's own word on durability, e.g. {@code fsync=on synchronous_commit=on}. */
    public String durability() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = new DatabaseAdmin(server()).connect("postgres"); Statement st = c.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit")) {
                try (ResultSet rs = st.executeQuery("SHOW " + name)) {
                    rs.next();
                    out.append(out.isEmpty() ? "" : " ").append(name).append('=').append(rs.getString(1));
                }
            }
        }
        return out.toString();
    }

    public PostgresServer server() {
        // Trust authentication: the password is never checked, but clients such as Flyway want one.
        return new PostgresServer("127.0.0.1", postgres.getPort(), "postgres", "postgres", "embedded PostgreSQL");
    }

    /**
     * Stops the server. If it has died, its stale {@code postmaster.pid} goes first, so the
     * library's {@code pg_ctl stop} fails at once instead of signalling a zombie or a reused pid.
     */
    @Override
    public void close() throws IOException {
        try {
            if (dataDirectory != null) {
                clearStaleLockFile(dataDirectory);
            }
        } finally {
            postgres.close();
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
