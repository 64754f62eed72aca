package dev.ascent.localpostgres;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

/**
 * Command line used by the {@code ascent} launcher.
 *
 * <pre>
 * embedded DATA_DIR PORT [NAME=VALUE]...
 *                                 run an embedded server until terminated (SIGTERM stops it cleanly),
 *                                 with extra server settings
 * ensure-database URL USER [PASS] create the database named in URL unless it exists
 * </pre>
 *
 * Failures print one line on standard error and exit with status 1.
 */
public final class LocalPostgresCli {

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
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
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
            try {
                embedded.close();
            } catch (Exception e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + embedded.server().port());
        stopped.await();
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
