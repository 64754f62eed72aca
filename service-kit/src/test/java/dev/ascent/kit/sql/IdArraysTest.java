package dev.ascent.kit.sql;

import dev.ascent.localpostgres.PostgresServer;
import dev.ascent.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On a real PostgreSQL: which reads by ids reuse a server-side plan and which are planned for their ids. */
class IdArraysTest {

    private static final String SQL = "SELECT id, name FROM person WHERE id = ANY(?::uuid[]) ORDER BY name";
    private static String database;
    private static final List<UUID> ids = new ArrayList<>();

    @BeforeAll
    static void createPeople() throws SQLException {
        database = TestPostgres.createFreshDatabase("id_arrays");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE person (id uuid PRIMARY KEY, name text NOT NULL)");
            for (int i = 0; i < 5; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                st.execute("INSERT INTO person VALUES ('" + id + "', 'person " + i + "')");
            }
        }
    }

    @AfterAll
    static void dropDatabase() {
        TestPostgres.dropDatabase(database);
    }

    @Test
    void oneIdReusesItsServerSidePlan() throws SQLException {
        try (Connection c = connect()) {
            for (int run = 0; run < 15; run++) {
                assertThat(names(c, ids.get(2))).containsExactly("person 2");
            }
            // The driver prepares a statement on the server at its fifth run; PostgreSQL plans it for its
            // values five times, then keeps the generic plan if it is no dearer, which a plan for an
            // array parameter never is: it would stay at eleven custom plans.
            assertThat(plans(c)).hasSize(1);
            assertThat(plans(c).getFirst()[0]).as("generic plans").isPositive();
        }
    }

    @Test
    void manyIdsArePlannedForTheArrayEveryRun() throws SQLException {
        try (Connection c = connect()) {
            for (int run = 0; run < 15; run++) {
                assertThat(names(c, ids.get(4), ids.get(0), ids.get(3)))
                        .containsExactly("person 0", "person 3", "person 4");
            }
            assertThat(plans(c)).as("a named (server-side prepared) statement").isEmpty();
            assertThat(names(c)).isEmpty();
        }
    }

    @Test
    void aStatementWithoutTheMarkerIsAMistake() {
        assertThatThrownBy(() -> IdArrays.prepare(null, "SELECT 1 FROM person WHERE id = ANY(?)", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANY(?::uuid[])");
    }

    private static List<String> names(Connection c, UUID... wanted) throws SQLException {
        String[] text = java.util.Arrays.stream(wanted).map(UUID::toString).toArray(String[]::new);
        List<String> names = new ArrayList<>();
        try (PreparedStatement st = IdArrays.prepare(c, SQL, text.length)) {
            IdArrays.bind(st, 1, text);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(2));
                }
            }
        }
        return names;
    }

    /** Generic and custom plan counts of this session's server-side prepared statements reading person. */
    private static List<long[]> plans(Connection c) throws SQLException {
        List<long[]> plans = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%FROM person%'")) {
            while (rs.next()) {
                plans.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return plans;
    }

    private static Connection connect() throws SQLException {
        PostgresServer server = TestPostgres.server();
        return DriverManager.getConnection(server.jdbcUrl(database), server.adminUser(), server.adminPassword());
    }
}
