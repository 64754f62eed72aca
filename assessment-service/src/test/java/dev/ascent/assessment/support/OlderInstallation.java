package dev.ascent.assessment.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ascent.localpostgres.PostgresServer;
import dev.ascent.testsupport.TestPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A database as an installation from before shipped frameworks had revisions left it: the schema
 * up to {@value #LAST_OLD_MIGRATION}, and the framework shipped then published as version 1 by the
 * start-up loader of the time. With {@code adminsOwn=true}, an admin has since published a framework
 * of their own as version 2. The service under test then starts on it like an upgraded release.
 */
public class OlderInstallation implements QuarkusTestResourceLifecycleManager {

    static final String LAST_OLD_MIGRATION = "4";
    public static final String REVISION_1 = "frameworks/default-pm-revision-1.yaml";
    public static final String ADMINS_NAME = "Our own framework";

    private String database;
    private boolean adminsOwn;

    @Override
    public void init(Map<String, String> initArgs) {
        adminsOwn = Boolean.parseBoolean(initArgs.getOrDefault("adminsOwn", "false"));
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = TestPostgres.server();
        database = TestPostgres.createFreshDatabase("ascent_older");
        String url = server.jdbcUrl(database);
        Flyway.configure()
                .dataSource(url, server.adminUser(), server.adminPassword())
                .schemas("assessment")
                .locations("classpath:db/migration", "classpath:db/kit")
                .placeholders(Map.of("service_role", "ascent_assessment", "service_password", "ascent_assessment"))
                .target(LAST_OLD_MIGRATION)
                .load()
                .migrate();
        ObjectNode revision1 = revision1();
        try (Connection c = DriverManager.getConnection(url, server.adminUser(), server.adminPassword())) {
            insert(c, 1, revision1);
            if (adminsOwn) {
                insert(c, 2, revision1.deepCopy().put("name", ADMINS_NAME));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the older installation: " + e.getMessage(), e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.flyway.username", server.adminUser(),
                "quarkus.flyway.password", server.adminPassword());
    }

    @Override
    public void stop() {
        if (database != null) {
            TestPostgres.dropDatabase(database);
        }
    }

    /** The framework shipped before revisions, as the service stored it (JSON of the document). */
    public static ObjectNode revision1() {
        try (InputStream in = OlderInstallation.class.getClassLoader().getResourceAsStream(REVISION_1)) {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(in);
            return (ObjectNode) tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void insert(Connection c, int version, ObjectNode document) throws SQLException {
        Timestamp at = Timestamp.from(Instant.now().minus(400 - version, ChronoUnit.DAYS));
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO assessment.framework_version (version, status, name, document, created_at, published_at)
                VALUES (?, 'PUBLISHED', ?, ?::jsonb, ?, ?)""")) {
            st.setInt(1, version);
            st.setString(2, document.path("name").asText());
            st.setString(3, document.toString());
            st.setTimestamp(4, at);
            st.setTimestamp(5, at);
            st.executeUpdate();
        }
    }
}
