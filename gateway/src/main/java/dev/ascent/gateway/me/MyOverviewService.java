package dev.ascent.gateway.me;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ascent.gateway.report.ServiceReads;
import dev.ascent.gateway.routing.ServiceRoutes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Assembles {@link MyOverview} from three reads made in parallel: profile with readiness, active plan, recent evidence. */
@ApplicationScoped
public class MyOverviewService {

    private static final Logger LOG = Logger.getLogger(MyOverviewService.class);
    static final int RECENT_EVIDENCE = 5;

    private final ServiceRoutes routes;
    private final ServiceReads reads;

    public MyOverviewService(ServiceRoutes routes, ServiceReads reads) {
        this.routes = routes;
        this.reads = reads;
    }

    public Uni<MyOverview> overview(UUID me) {
        // Profile and readiness come in one call (assessment-service reads the person once for both).
        Uni<Optional<JsonNode>> profileAndReadiness = optional("profile and readiness",
                reads.get(backend("assessment-service"), "/api/v1/people/" + me + "/with-readiness", JsonNode.class));
        Uni<Optional<JsonNode>> evidence = optional("recentEvidence",
                reads.get(backend("evidence-service"), "/api/v1/evidence?personId=" + me + "&limit=" + RECENT_EVIDENCE,
                        JsonNode.class).map(page -> page.path("items")));
        Uni<Optional<JsonNode>> plan = optional("activePlan", activePlan(me));
        return Uni.combine().all().unis(profileAndReadiness, plan, evidence).with((both, a, e) -> {
            Optional<JsonNode> p = both.map(n -> n.get("person")).filter(n -> !n.isNull());
            Optional<JsonNode> r = both.map(n -> n.get("readiness")).filter(n -> !n.isNull());
            List<String> unavailable = new ArrayList<>();
            if (p.isEmpty()) {
                unavailable.add("profile");
            }
            if (r.isEmpty()) {
                both.map(n -> n.path("readinessUnavailable").asText(null)).ifPresent(why ->
                        LOG.debugf("overview part readiness unavailable for %s: %s", me, why));
                unavailable.add("readiness");
            }
            if (a.isEmpty()) {
                unavailable.add("activePlan");
            }
            if (e.isEmpty()) {
                unavailable.add("recentEvidence");
            }
            return new MyOverview(me, p.orElse(null), r.orElse(null), a.map(n -> n.isNull() ? null : n).orElse(null),
                    e.orElse(null), unavailable);
        });
    }

    /**
     * The person's current plan with its progress, JSON null when there is none: one call, which counts
     * their evidence once (it was a status call, then a plan call, each counting it).
     */
    private Uni<JsonNode> activePlan(UUID me) {
        return reads.get(backend("growth-plan-service"), "/api/v1/plans/current?personId=" + me, JsonNode.class)
                .onFailure(e -> e instanceof ServiceReads.ServiceError se && se.status == 404)
                .recoverWithItem(com.fasterxml.jackson.databind.node.NullNode.getInstance());
    }

    private static <T> Uni<Optional<T>> optional(String part, Uni<T> call) {
        return call.map(Optional::of).onFailure().recoverWithItem(failure -> {
            LOG.warnf("overview part %s unavailable: %s", part, failure.toString());
            return Optional.empty();
        });
    }

    private ServiceRoutes.Backend backend(String name) {
        return routes.named(name).orElseThrow();
    }
}
