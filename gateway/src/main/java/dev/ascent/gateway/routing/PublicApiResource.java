package dev.ascent.gateway.routing;

import dev.ascent.kit.problem.ApiProblem;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * What is left of {@code /api/v1} for the REST layer once {@link PublicApiRoute} has forwarded the
 * operations of the {@link RouteTable}: the gateway's own endpoints have more specific paths and take
 * precedence, and anything else is a 404 problem that reaches no service.
 */
@Path("/api/v1")
public class PublicApiResource {

    @GET
    @Path("{path: .+}")
    @Operation(hidden = true)
    public void get(@Context RoutingContext context) {
        throw notFound(context);
    }

    @DELETE
    @Path("{path: .+}")
    @Operation(hidden = true)
    public void delete(@Context RoutingContext context) {
        throw notFound(context);
    }

    @POST
    @Path("{path: .+}")
    @Operation(hidden = true)
    public void post(@Context RoutingContext context) {
        throw notFound(context);
    }

    @PUT
    @Path("{path: .+}")
    @Operation(hidden = true)
    public void put(@Context RoutingContext context) {
        throw notFound(context);
    }

    @PATCH
    @Path("{path: .+}")
    @Operation(hidden = true)
    public void patch(@Context RoutingContext context) {
        throw notFound(context);
    }

    private static ApiProblem notFound(RoutingContext context) {
        return new ApiProblem(404, "not-found", "Not Found",
                "No resource at " + context.request().method().name() + " " + context.normalizedPath(), List.of());
    }
}
