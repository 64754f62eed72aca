package dev.ascent.kit.health;

import dev.ascent.kit.KitConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Readiness includes the database: a service that cannot reach its schema should get no traffic.
 * Liveness does not: while PostgreSQL is down the service answers 503 problems and recovers on its
 * own when it returns (docs/architecture.md §6), so an orchestrator must not restart it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private final AgroalDataSource dataSource;
    private final int timeoutSeconds;

    public DatabaseReadinessCheck(AgroalDataSource dataSource, KitConfig config) {
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, config.health().databaseTimeout().toSeconds());
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(timeoutSeconds);
            return HealthCheckResponse.named("database").status(valid).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("reason", e.getMessage()).build();
        }
    }
}
