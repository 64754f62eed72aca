package dev.ascent.localpostgres;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line used by the {@code ascent} launcher.
 *
 * <pre>
 * embedded DATA_DIR PORT [NAME=VALUE]...
 *                                 run an embedded server until terminated (SIGTERM stops it cleanly)
 *                                 or until the server process dies; durable unless the extra server
 *                                 settings say otherwise
 * ensure-database URL USER [PASS] create the database named in URL unless it exists
 * </pre>
 *
 * Failures print one line on standard error and exit with status 1.
 */
public final class LocalPostgresCli {

    /** Set once the wrapper is asked to stop, when the server's exit is expected. */
    private static volatile boolean stopping;

    private LocalPostgresCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        try {
            switch (args[0]) {
                case "embedded" -> runEmbedded(args);
                case "ensure-database" -> ensureDatabase(args);
                default -> usage();
            }
        } catch (SQLException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void runEmbedded(String[] args) throws Exception {
        if (args.length < 3) {
            usage();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                usage();
            }
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        EmbeddedServer embedded = EmbeddedServer.start(Path.of(args[1]), Integer.parseInt(args[2]), settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            try {
                embedded.close();
            } catch (Exception e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        long postmaster = embedded.postmasterPid().orElse(-1);
        System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + embedded.server().port()
                + " (server pid " + postmaster + ", " + embedded.durability() + ")");
        watch(postmaster);
        stopped.await();
    }

    /**
     * Exits when the server process dies (killed, or crashed), so no wrapper outlives its server
     * and the launcher sees at once that the database must be started again. Exits without running
     * the shutdown hooks: stopping a dead server through {@code pg_ctl} would only signal whatever
     * process has reused its pid.
     */
    private static void watch(long postmaster) {
        if (postmaster <= 0) {
            return;
        }
        Thread watcher = new Thread(() -> {
            while (!stopping && Processes.alive(postmaster)) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (stopping) {
                return;
            }
            System.out.println("embedded PostgreSQL: the server process (pid " + postmaster + ") has gone; exiting");
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }, "postmaster-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void ensureDatabase(String[] args) throws SQLException {
        if (args.length < 3) {
            usage();
        }
        String url = args[1];
        String database = PostgresServer.databaseOf(url);
        if (database == null) {
            System.err.println("the URL names no database: " + url);
            System.exit(1);
        }
        PostgresServer server = PostgresServer.fromJdbcUrl(url, args[2], args.length > 3 ? args[3] : "", url);
        DatabaseAdmin admin = new DatabaseAdmin(server);
        boolean created = admin.ensureDatabase(database);
        System.out.println((created ? "created database " : "using database ") + database
                + " (PostgreSQL " + admin.serverVersion() + ")");
    }

    private static void usage() {
        System.err.println("usage: embedded DATA_DIR PORT [NAME=VALUE]... | ensure-database JDBC_URL USER [PASSWORD]");
        System.exit(2);
    }
}
