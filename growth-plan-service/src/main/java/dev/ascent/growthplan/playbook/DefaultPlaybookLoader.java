package dev.ascent.growthplan.playbook;

import dev.ascent.growthplan.GrowthPlanConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** On start, gives an empty database the default playbook as version 1. */
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
        if (playbooks.publishDefaultIfNone(config.playbook().defaultResource())) {
            LOG.infof("Published the default playbook (%s) as version 1", config.playbook().defaultResource());
        }
    }
}
