package dev.ascent.gateway.me;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.gateway.report.ServiceReads;
import dev.ascent.gateway.routing.ServiceRoutes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Assembles {@link MyOverview} from three reads made in parallel: profile with readiness, active plan,
 * recent evidence. The parts are relayed as the services wrote them (docs/architecture.md §6): each
 * answer is read token by token to find its parts and to know it is well-formed, never built as a tree.
 */
@ApplicationScoped
public class MyOverviewService {

    private static final Logger LOG = Logger.getLogger(MyOverviewService.class);
    static final int RECENT_EVIDENCE = 5;
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final ServiceRoutes routes;
    private final ServiceReads reads;
    private final JsonFactory json;

    public MyOverviewService(ServiceRoutes routes, ServiceReads reads, ObjectMapper json) {
        this.routes = routes;
        this.reads = reads;
        this.json = json.getFactory();
    }

    /** The overview as {@link MyOverview}'s JSON. */
    public Uni<byte[]> overview(UUID me) {
        // Profile and readiness come in one call (assessment-service reads the person once for both).
        Uni<Optional<Map<String, byte[]>>> profileAndReadiness = optional("profile and readiness",
                reads.bytes(backend("assessment-service"), "/api/v1/people/" + me + "/with-readiness"),
                Set.of("person", "readiness", "readinessUnavailable"));
        Uni<Optional<Map<String, byte[]>>> evidence = optional("recentEvidence",
                reads.bytes(backend("evidence-service"), "/api/v1/evidence?personId=" + me + "&limit=" + RECENT_EVIDENCE),
                Set.of("items"));
        Uni<Optional<byte[]>> plan = activePlan(me);
        return Uni.combine().all().unis(profileAndReadiness, plan, evidence).with((both, a, e) -> {
            Optional<byte[]> p = both.map(m -> m.get("person")).filter(JsonMembers::present);
            Optional<byte[]> r = both.map(m -> m.get("readiness")).filter(JsonMembers::present);
            Optional<byte[]> items = e.map(m -> m.get("items")).filter(JsonMembers::present);
            List<String> unavailable = new ArrayList<>();
            if (p.isEmpty()) {
                unavailable.add("profile");
            }
            if (r.isEmpty()) {
                both.map(m -> m.get("readinessUnavailable")).ifPresent(why -> LOG.debugf(
                        "overview part readiness unavailable for %s: %s", me, new String(why, StandardCharsets.UTF_8)));
                unavailable.add("readiness");
            }
            if (a.isEmpty()) {
                unavailable.add("activePlan");
            }
            if (items.isEmpty()) {
                unavailable.add("recentEvidence");
            }
            return write(me, p, r, a, items, unavailable);
        });
    }

    /** {@link MyOverview}'s members in its order; absent parts are null. */
    private static byte[] write(UUID me, Optional<byte[]> profile, Optional<byte[]> readiness, Optional<byte[]> plan,
                                Optional<byte[]> evidence, List<String> unavailable) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + profile.map(b -> b.length).orElse(0)
                + readiness.map(b -> b.length).orElse(0) + plan.map(b -> b.length).orElse(0)
                + evidence.map(b -> b.length).orElse(0));
        out.writeBytes(("{\"personId\":\"" + me + "\",\"profile\":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(profile.orElse(NULL));
        out.writeBytes(",\"readiness\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(readiness.orElse(NULL));
        out.writeBytes(",\"activePlan\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(plan.orElse(NULL));
        out.writeBytes(",\"recentEvidence\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(evidence.orElse(NULL));
        // The part names are this class's own words: nothing in them needs escaping.
        out.writeBytes((",\"unavailable\":[" + String.join(",", unavailable.stream().map(u -> "\"" + u + "\"").toList())
                + "]}").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * The person's current plan with its progress, JSON null when there is none: one call, which counts
     * their evidence once (it was a status call, then a plan call, each counting it). The plan comes
     * without the readiness it was generated from: the overview shows readiness as it is now.
     */
    private Uni<Optional<byte[]>> activePlan(UUID me) {
        Uni<byte[]> plan = reads.bytes(backend("growth-plan-service"),
                        "/api/v1/plans/current?personId=" + me + "&readinessSnapshot=false")
                .onFailure(e -> e instanceof ServiceReads.ServiceError se && se.status == 404)
                .recoverWithItem(NULL)
                .map(answer -> {
                    // Read whole (no member kept): a plan that is not one JSON object is left out like an unreachable one.
                    if (answer != NULL) {
                        members("activePlan", answer, Set.of());
                    }
                    return answer;
                });
        return optional("activePlan", plan);
    }

    private Uni<Optional<Map<String, byte[]>>> optional(String part, Uni<byte[]> call, Set<String> names) {
        return optional(part, call.map(answer -> members(part, answer, names)));
    }

    private Map<String, byte[]> members(String part, byte[] answer, Set<String> names) {
        try {
            return JsonMembers.of(json, answer, names);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(part + ": unreadable JSON", e);
        }
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
