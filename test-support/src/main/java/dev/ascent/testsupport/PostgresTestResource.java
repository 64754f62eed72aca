package dev.ascent.testsupport;

import dev.ascent.localpostgres.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a Quarkus application under test a fresh, empty database on a real PostgreSQL server
 * ({@link TestPostgres}) and drops it afterwards. The service's Flyway migrations run against it
 * as the administrative account and create the service's schema and role, exactly as in
 * production; the application then connects as that role.
 *
 * <p>Usage: annotate a test class with {@code WithTestResource(PostgresTestResource.class)}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public Map<String, String> start() {
        PostgresServer server = TestPostgres.server();
        database = TestPostgres.createFreshDatabase("ascent_test");
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.flyway.username", server.adminUser(),
                "quarkus.flyway.password", server.adminPassword());
    }

    @Override
    public void stop() {
        if (database != null) {
            TestPostgres.dropDatabase(database);
        }
    }
}
