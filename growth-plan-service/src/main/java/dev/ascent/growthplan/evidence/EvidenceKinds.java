package dev.ascent.growthplan.evidence;

import dev.ascent.growthplan.GrowthPlanConfig;
import dev.ascent.kit.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The evidence kinds as evidence-service, which owns them, lists them. Asked when a playbook is
 * published (rarely), so it is not cached: a kind added there is usable at once.
 */
@ApplicationScoped
public class EvidenceKinds {

    private static final Logger LOG = Logger.getLogger(EvidenceKinds.class);

    private final EvidenceKindsApi api;
    private final GrowthPlanConfig config;

    public EvidenceKinds(@RestClient EvidenceKindsApi api, GrowthPlanConfig config) {
        this.api = api;
        this.config = config;
    }

    /** The kind codes; 503 when evidence-service cannot answer. */
    public List<String> codes() {
        try {
            return api.kinds().stream().map(EvidenceKindsApi.Kind::code).toList();
        } catch (RuntimeException e) {
            LOG.warnf("evidence-service did not list the evidence kinds: %s", e.toString());
            throw ApiProblem.unavailable("evidence-service", config.remote().retryAfter());
        }
    }
}
