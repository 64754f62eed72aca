package dev.ascent.gateway.routing;

import dev.ascent.gateway.problem.ApiProblem;
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

/**
 * The public API under {@code /api/v1}: every call whose first segment a service claims is
 * forwarded to that service. The gateway's own endpoints (platform health, and later reports)
 * have more specific paths and take precedence.
 */
@Path("/api/v1")
public class PublicApiResource {

    private final ServiceRoutes routes;
    private final ServiceProxy proxy;

    public PublicApiResource(ServiceRoutes routes, ServiceProxy proxy) {
        this.routes = routes;
        this.proxy = proxy;
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
        int slash = path.indexOf('/');
        String segment = slash < 0 ? path : path.substring(0, slash);
        ServiceRoutes.Backend backend = routes.forSegment(segment)
                .orElseThrow(() -> new ApiProblem(404, "not-found", "Not Found",
                        "No resource at " + request.path(), java.util.List.of()));
        String gatewayBase = request.scheme() + "://" + request.authority();
        return proxy.forward(backend, request.method(), request.uri(), MultiMap.newInstance(request.headers()),
                body, gatewayBase);
    }
}
