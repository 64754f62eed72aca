package dev.ascent.gateway.me;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.gateway.changes.KeptAnswers;
import dev.ascent.gateway.changes.PeopleChanges;
import dev.ascent.gateway.report.ServiceReads;
import dev.ascent.gateway.routing.ServiceRoutes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
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
 * A whole overview is kept until something of the person's changes ({@link KeptAnswers}).
 */
@ApplicationScoped
public class MyOverviewService {

    private static final Logger LOG = Logger.getLogger(MyOverviewService.class);
    static final int RECENT_EVIDENCE = 5;
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** The overview's name among a person's {@link KeptAnswers}. */
    static final String KEPT_AS = "overview";

    private final ServiceRoutes routes;
    private final ServiceReads reads;
    private final JsonFactory json;
    private final PeopleChanges changes;
    private final KeptAnswers kept;

    public MyOverviewService(ServiceRoutes routes, ServiceReads reads, ObjectMapper json, PeopleChanges changes,
                             KeptAnswers kept) {
        this.routes = routes;
        this.reads = reads;
        this.json = json.getFactory();
        this.changes = changes;
        this.kept = kept;
    }

    /** A part as read, and whether the service let it be kept. */
    private record Part<T>(T value, boolean keepable) {
    }

    /**
     * The overview as {@link MyOverview}'s JSON: the one kept since nothing of the person's changed, else
     * read from the services and kept when every part came whole and keepable.
     */
    public Uni<byte[]> overview(UUID me) {
        Optional<KeptAnswers.Answer> known = kept.get(me, KEPT_AS);
        if (known.isPresent()) {
            return Uni.createFrom().item(known.get().body());
        }
        PeopleChanges.Mark mark = changes.mark();
        // Profile and readiness come in one call (assessment-service reads the person once for both).
        Uni<Optional<Part<Map<String, byte[]>>>> profileAndReadiness = optional("profile and readiness",
                reads.bytes(backend("assessment-service"), "/api/v1/people/" + me + "/with-readiness"),
                Set.of("person", "readiness", "readinessUnavailable"));
        Uni<Optional<Part<Map<String, byte[]>>>> evidence = optional("recentEvidence",
                reads.bytes(backend("evidence-service"), "/api/v1/evidence?personId=" + me + "&limit=" + RECENT_EVIDENCE),
                Set.of("items"));
        Uni<Optional<Part<byte[]>>> plan = activePlan(me);
        return Uni.combine().all().unis(profileAndReadiness, plan, evidence).with((both, a, e) -> {
            Optional<byte[]> p = member(both, "person");
            Optional<byte[]> r = member(both, "readiness");
            Optional<byte[]> why = member(both, "readinessUnavailable");
            Optional<byte[]> items = member(e, "items");
            List<String> unavailable = new ArrayList<>();
            if (p.isEmpty()) {
                unavailable.add("profile");
            }
            if (r.isEmpty()) {
                why.ifPresent(reason -> LOG.debugf("overview part readiness unavailable for %s: %s", me,
                        new String(reason, StandardCharsets.UTF_8)));
                unavailable.add("readiness");
            }
            if (a.isEmpty()) {
                unavailable.add("activePlan");
            }
            if (items.isEmpty()) {
                unavailable.add("recentEvidence");
            }
            byte[] answer = write(me, p, r, a.map(Part::value), items, unavailable);
            // Kept only whole: a part missing for a failure is retried next time, while readiness the
            // service declined to compute (the top of the ladder, with its reason) is the person's answer.
            boolean whole = p.isPresent() && (r.isPresent() || why.isPresent()) && a.isPresent() && items.isPresent();
            if (whole && both.get().keepable() && a.get().keepable() && e.get().keepable()) {
                kept.keep(me, KEPT_AS, new KeptAnswers.Answer(MediaType.APPLICATION_JSON, answer), mark);
            }
            return answer;
        });
    }

    private static Optional<byte[]> member(Optional<Part<Map<String, byte[]>>> part, String name) {
        return part.map(m -> m.value().get(name)).filter(JsonMembers::present);
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
    private Uni<Optional<Part<byte[]>>> activePlan(UUID me) {
        Uni<Part<byte[]>> plan = reads.bytes(backend("growth-plan-service"),
                        "/api/v1/plans/current?personId=" + me + "&readinessSnapshot=false")
                .map(answer -> new Part<>(answer.body(), answer.keepable()))
                .onFailure(e -> e instanceof ServiceReads.ServiceError se && se.status == 404)
                .recoverWithItem(new Part<>(NULL, true))
                .map(answer -> {
                    // Read whole (no member kept): a plan that is not one JSON object is left out like an unreachable one.
                    if (answer.value() != NULL) {
                        members("activePlan", answer.value(), Set.of());
                    }
                    return answer;
                });
        return optional("activePlan", plan);
    }

    private Uni<Optional<Part<Map<String, byte[]>>>> optional(String part, Uni<ServiceReads.Relayed> call,
                                                              Set<String> names) {
        return optional(part, call.map(answer -> new Part<>(members(part, answer.body(), names), answer.keepable())));
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
