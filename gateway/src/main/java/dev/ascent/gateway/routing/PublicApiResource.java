package dev.ascent.gateway.routing;

import dev.ascent.gateway.access.AccessControl;
import dev.ascent.gateway.access.CallerResolver;
import dev.ascent.gateway.access.GatewayTokens;
import dev.ascent.gateway.changes.KeptAnswers;
import dev.ascent.gateway.changes.PeopleChanges;
import dev.ascent.gateway.report.ServiceReads;
import dev.ascent.kit.answers.IncompleteAnswers;
import dev.ascent.kit.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.MultiMap;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public API under {@code /api/v1}: a call is forwarded only if its method and normalised path
 * are an operation of the {@link RouteTable}, to the service the table names and after the rule the
 * table names let the caller through; anything else is a 404 problem that reaches no service. The
 * gateway's own endpoints (platform health, reports, ...) have more specific paths and take precedence.
 */
@Path("/api/v1")
public class PublicApiResource {

    /** Identity headers the services derive from the gateway's token; clients' copies are dropped. */
    public static final String ACTOR_HEADER = "X-Ascent-Actor-Id";
    public static final String ROLES_HEADER = "X-Ascent-Roles";

    private final RouteTable table = RouteTable.PUBLIC_API;
    private final ServiceRoutes routes;
    private final ServiceProxy proxy;
    private final CallerResolver callers;
    private final AccessControl access;
    private final GatewayTokens tokens;
    private final PeopleChanges changes;
    private final KeptAnswers keptAnswers;

    public PublicApiResource(ServiceRoutes routes, ServiceProxy proxy, CallerResolver callers, AccessControl access,
                             GatewayTokens tokens, PeopleChanges changes, KeptAnswers keptAnswers) {
        this.changes = changes;
        this.keptAnswers = keptAnswers;
        this.routes = routes;
        this.proxy = proxy;
        this.callers = callers;
        this.access = access;
        this.tokens = tokens;
    }

    @GET
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> get(@Context RoutingContext context, @Context HttpServerRequest request) {
        return forward(context, request, null);
    }

    @DELETE
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> delete(@Context RoutingContext context, @Context HttpServerRequest request) {
        return forward(context, request, null);
    }

    @POST
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> post(@Context RoutingContext context, @Context HttpServerRequest request, byte[] body) {
        return forward(context, request, body);
    }

    @PUT
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> put(@Context RoutingContext context, @Context HttpServerRequest request, byte[] body) {
        return forward(context, request, body);
    }

    @PATCH
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> patch(@Context RoutingContext context, @Context HttpServerRequest request, byte[] body) {
        return forward(context, request, body);
    }

    private Uni<Response> forward(RoutingContext context, HttpServerRequest request, byte[] body) {
        // Matched and forwarded on the normalised path, so the gateway and the service see one path.
        String path = context.normalizedPath();
        RouteTable.Match match = table.match(request.method().name(), path)
                .filter(m -> !m.route().service().equals(RouteTable.GATEWAY))
                .orElseThrow(() -> new ApiProblem(404, "not-found", "Not Found",
                        "No resource at " + request.method().name() + " " + path, List.of()));
        ServiceRoutes.Backend backend = routes.named(match.route().service()).orElseThrow(() -> new ApiProblem(503,
                "service-unavailable", "Service unavailable", match.route().service() + " is not configured", List.of()));
        String uri = request.query() == null ? path : path + "?" + request.query();
        String gatewayBase = request.scheme() + "://" + request.authority();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(MultiMap.newInstance(request.headers()));
        headers.remove(ACTOR_HEADER);
        headers.remove(ROLES_HEADER);
        // The caller's own credentials (and session cookies) stay here; services get the gateway's token for the caller.
        headers.remove("Authorization");
        headers.remove("Cookie");
        boolean writes = !request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD);
        if (match.route().rule() == RouteTable.Rule.PUBLIC) {
            return settled(writes, proxy.forward(backend, request.method(), uri, headers, body, gatewayBase));
        }
        return callers.resolve(context)
                .call(caller -> access.authorize(caller, match, request::getParam, body))
                .flatMap(caller -> {
                    headers.set("Authorization", "Bearer " + tokens.forCaller(caller));
                    if (match.route().keptUntilChanged()) {
                        // Kept as plain bytes, served to any client whatever it accepts.
                        headers.remove("Accept-Encoding");
                        return kept(match, request.query(),
                                () -> proxy.forward(backend, request.method(), uri, headers, body, gatewayBase));
                    }
                    return settled(writes, proxy.forward(backend, request.method(), uri, headers, body, gatewayBase));
                });
    }

    /**
     * A write's answer once every change it made is heard ({@link PeopleChanges#caughtUp()}): whoever wrote
     * then reads what they wrote, never an answer kept from before.
     */
    private Uni<Response> settled(boolean writes, Uni<Response> answer) {
        return writes ? answer.call(changes::caughtUp) : answer;
    }

    /**
     * An answer about the person the path names, kept until something of theirs changes: the caller has
     * passed the route's rule by now, and the answer is the same whoever asks.
     */
    private Uni<Response> kept(RouteTable.Match match, String query, java.util.function.Supplier<Uni<Response>> forward) {
        UUID person = UUID.fromString(match.param(match.route().subject().name()));
        String question = match.route().pattern() + (query == null ? "" : "?" + query);
        Optional<KeptAnswers.Answer> known = keptAnswers.get(person, question);
        if (known.isPresent()) {
            return Uni.createFrom().item(Response.ok(known.get().body(), known.get().mediaType()).build());
        }
        PeopleChanges.Mark mark = changes.mark();
        return forward.get().invoke(response -> {
            if (response.getStatus() == 200 && response.getEntity() instanceof byte[] answer
                    && response.getHeaderString("Content-Encoding") == null
                    && ServiceReads.keepable(response.getHeaderString(IncompleteAnswers.HEADER))) {
                String mediaType = response.getHeaderString("Content-Type");
                keptAnswers.keep(person, question,
                        new KeptAnswers.Answer(mediaType == null ? MediaType.APPLICATION_JSON : mediaType, answer), mark);
            }
        });
    }
}
