package dev.ascent.growthplan.playbook;

import dev.ascent.growthplan.GrowthPlanConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * On start, publishes the playbook shipped with the service when {@link ShippedPlaybookRule} says so:
 * an empty database gets it as version 1, an installation whose current version is an earlier shipped
 * revision gets it as the next version, an admin's own playbook stays current.
 */
@ApplicationScoped
public class DefaultPlaybookLoader {

    private static final Logger LOG = Logger.getLogger(DefaultPlaybookLoader.class);

    private final PlaybookService playbooks;
    private final GrowthPlanConfig config;

    public DefaultPlaybookLoader(PlaybookService playbooks, GrowthPlanConfig config) {
        this.playbooks = playbooks;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        PlaybookService.ShippedResult result = playbooks.publishShippedDefault(config.playbook().defaultResource());
        if (result.publishedVersion() != null) {
            LOG.infof("Published the shipped playbook (revision %d) as version %d: %s", result.revision(),
                    result.publishedVersion(), result.decision().explanation());
        } else if (result.decision().outcome() != ShippedPlaybookRule.Outcome.ALREADY_PUBLISHED) {
            LOG.infof("Kept the current playbook: %s", result.decision().explanation());
        }
    }
}
