package dev.ascent.gateway.routing;

import dev.ascent.gateway.access.AccessControl;
import dev.ascent.gateway.access.CallerResolver;
import dev.ascent.gateway.access.GatewayTokens;
import dev.ascent.kit.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.MultiMap;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Arrays;
import java.util.List;

/**
 * The public API under {@code /api/v1}: every call whose first segment a service claims is
 * forwarded to that service. The gateway's own endpoints (platform health, and later reports)
 * have more specific paths and take precedence.
 */
@Path("/api/v1")
public class PublicApiResource {

    /** Identity headers the services derive from the gateway's token; clients' copies are dropped. */
    public static final String ACTOR_HEADER = "X-Ascent-Actor-Id";
    public static final String ROLES_HEADER = "X-Ascent-Roles";

    private final ServiceRoutes routes;
    private final ServiceProxy proxy;
    private final CallerResolver callers;
    private final AccessControl access;
    private final GatewayTokens tokens;

    public PublicApiResource(ServiceRoutes routes, ServiceProxy proxy, CallerResolver callers, AccessControl access,
                             GatewayTokens tokens) {
        this.routes = routes;
        this.proxy = proxy;
        this.callers = callers;
        this.access = access;
        this.tokens = tokens;
    }

    @GET
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> get(@PathParam("path") String path, @Context HttpServerRequest request) {
        return forward(path, request, null);
    }

    @DELETE
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> delete(@PathParam("path") String path, @Context HttpServerRequest request) {
        return forward(path, request, null);
    }

    @POST
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> post(@PathParam("path") String path, @Context HttpServerRequest request, byte[] body) {
        return forward(path, request, body);
    }

    @PUT
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> put(@PathParam("path") String path, @Context HttpServerRequest request, byte[] body) {
        return forward(path, request, body);
    }

    @PATCH
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> patch(@PathParam("path") String path, @Context HttpServerRequest request, byte[] body) {
        return forward(path, request, body);
    }

    private Uni<Response> forward(String path, HttpServerRequest request, byte[] body) {
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        ServiceRoutes.Backend backend = routes.forSegment(segments.isEmpty() ? "" : segments.getFirst())
                .orElseThrow(() -> new ApiProblem(404, "not-found", "Not Found",
                        "No resource at " + request.path(), List.of()));
        String gatewayBase = request.scheme() + "://" + request.authority();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(MultiMap.newInstance(request.headers()));
        headers.remove(ACTOR_HEADER);
        headers.remove(ROLES_HEADER);
        String authorization = request.getHeader("Authorization");
        // The caller's own credentials stay here; services get the gateway's token for the caller.
        headers.remove("Authorization");
        if (AccessControl.isPublic(segments)) {
            return proxy.forward(backend, request.method(), request.uri(), headers, body, gatewayBase);
        }
        return callers.resolve(authorization)
                .call(caller -> access.authorize(caller, request.method(), segments, request.getParam("personId"), body))
                .flatMap(caller -> {
                    headers.set("Authorization", "Bearer " + tokens.forCaller(caller));
                    return proxy.forward(backend, request.method(), request.uri(), headers, body, gatewayBase);
                });
    }
}
