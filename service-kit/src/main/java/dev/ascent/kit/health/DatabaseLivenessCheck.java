package dev.ascent.kit.health;

import dev.ascent.kit.KitConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Liveness includes the database: a service that cannot reach its schema cannot do anything
 * useful, and a restart re-establishes the pool. (Readiness has the datasource check Quarkus adds.)
 */
@Liveness
@ApplicationScoped
public class DatabaseLivenessCheck implements HealthCheck {

    private final AgroalDataSource dataSource;
    private final int timeoutSeconds;

    public DatabaseLivenessCheck(AgroalDataSource dataSource, KitConfig config) {
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
