package dev.ascent.evidence.mapping;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Applies the shipped mapping rules on start-up ({@link ShippedMappingRules}), after Flyway has migrated. */
@ApplicationScoped
public class MappingRulesLoader {

    private static final Logger LOG = Logger.getLogger(MappingRulesLoader.class);

    private final AgroalDataSource dataSource;

    public MappingRulesLoader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        applyShipped();
    }

    public ShippedMappingRules.Applied applyShipped() {
        ShippedMappingRules.Shipped shipped = ShippedMappingRules.read();
        ShippedMappingRules.Applied applied = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return ShippedMappingRules.apply(c, shipped, Instant.now().truncatedTo(ChronoUnit.MICROS));
            } catch (SQLException e) {
                throw new IllegalStateException("Applying the shipped mapping rules failed", e);
            }
        });
        if (applied.applied()) {
            LOG.infof("Applied the shipped mapping rules revision %d (was %d): %d added, %d updated, %d removed; "
                    + "rules written or edited by admins kept", applied.shippedRevision(), applied.previousRevision(),
                    applied.added(), applied.updated(), applied.removed());
        }
        return applied;
    }
}
