package dev.ascent.kit.answers;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A service that starts may answer differently from the one before it (a new release weighs evidence
 * another way), with no row changed to say so: it tells every listener that everyone's answers changed,
 * on the channel its tables' triggers use for single people (docs/architecture.md §6).
 */
@ApplicationScoped
public class StartedAnew {

    public static final String CHANNEL = "ascent_people_changed";
    private static final Logger LOG = Logger.getLogger(StartedAnew.class);

    void started(@Observes StartupEvent event, AgroalDataSource database) {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_notify('" + CHANNEL + "', '*')");
        } catch (SQLException e) {
            // Nobody's kept answers are dropped: they last no longer than the gateway's maximum age.
            LOG.warnf("could not say that this service started anew: %s", e.toString());
        }
    }
}
