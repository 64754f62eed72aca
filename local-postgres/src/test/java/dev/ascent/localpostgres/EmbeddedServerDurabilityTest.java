package dev.ascent.localpostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's embedded PostgreSQL keeps what it acknowledged: a committed row is still there
 * after the server process is killed with SIGKILL and started again on the same data directory.
 *
 * <p>A SIGKILL of the server alone can leave unsynced writes in the operating system's page cache,
 * where the restarted server finds them even with fsync off; the test therefore also asks the
 * server for its settings, so it fails if the durability settings are ever dropped.
 */
class EmbeddedServerDurabilityTest {

    @TempDir
    Path temp;

    @Test
    void aCommittedRowSurvivesTheServerBeingKilled() throws Exception {
        Path data = temp.resolve("pgdata");
        int port = freePort();

        // What `./ascent up` starts: LocalPostgresCli embedded DATA_DIR PORT, no extra settings;
        // started again on the same port, as the launcher does.
        EmbeddedServer first = EmbeddedServer.start(data, port);
        long pid;
        try {
            try (Connection c = connect(first); Statement st = c.createStatement()) {
                assertThat(show(st, "fsync")).as("fsync").isEqualTo("on");
                assertThat(show(st, "synchronous_commit")).as("synchronous_commit").isEqualTo("on");
                st.execute("CREATE TABLE acknowledged (id int PRIMARY KEY, note text NOT NULL)");
                // Auto-commit: once executeUpdate returns, the server has acknowledged the commit.
                assertThat(st.executeUpdate("INSERT INTO acknowledged VALUES (1, 'committed before the kill')")).isEqualTo(1);
            }
            pid = first.postmasterPid().orElseThrow();
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            assertThat(postmaster.info().command().orElse("")).endsWith("/postgres");
            assertThat(postmaster.destroyForcibly()).as("SIGKILL to the server process %d", pid).isTrue();
            awaitDead(pid);
        } finally {
            // The server is gone; this releases the library's lock on the data directory.
            first.close();
        }

        try (EmbeddedServer second = EmbeddedServer.start(data, port);
             Connection c = connect(second); Statement st = c.createStatement()) {
            assertThat(second.postmasterPid().orElseThrow()).isNotEqualTo(pid);
            try (ResultSet rs = st.executeQuery("SELECT note FROM acknowledged WHERE id = 1")) {
                assertThat(rs.next()).as("the acknowledged row is still there").isTrue();
                assertThat(rs.getString(1)).isEqualTo("committed before the kill");
            }
            assertThat(show(st, "fsync")).isEqualTo("on");
            assertThat(show(st, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void extraSettingsMayWeakenDurabilityForTestFixturesAndTheBenchmark() throws Exception {
        try (EmbeddedServer fast = EmbeddedServer.start(null, 0,
                java.util.Map.of("fsync", "off", "synchronous_commit", "off"))) {
            assertThat(fast.durability()).isEqualTo("fsync=off synchronous_commit=off");
        }
    }

    private static void awaitDead(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Processes.alive(pid)) {
            assertThat(System.nanoTime()).as("server process %d still alive after SIGKILL", pid).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Connection connect(EmbeddedServer server) throws SQLException {
        return new DatabaseAdmin(server.server()).connect("postgres");
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
