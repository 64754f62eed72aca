package dev.ascent.gateway.me;

import dev.ascent.gateway.access.CallerResolver;
import dev.ascent.kit.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The caller's own view")
public class MyOverviewResource {

    private final CallerResolver callers;
    private final MyOverviewService overviews;

    public MyOverviewResource(CallerResolver callers, MyOverviewService overviews) {
        this.callers = callers;
        this.overviews = overviews;
    }

    @GET
    @Path("overview")
    @Operation(summary = "My profile, readiness for the next level, active plan with progress and recent evidence, in one call")
    @APIResponse(responseCode = "200", description = "The overview; parts a service could not supply are null and named in unavailable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MyOverview.class)))
    public Uni<Response> overview(@Context RoutingContext request) {
        return callers.resolve(request).flatMap(caller -> {
            if (caller.personId() == null) {
                throw new ApiProblem(404, "not-a-person", "Not found",
                        "This token names nobody in the people directory, so there is no overview", List.of());
            }
            return overviews.overview(caller.personId())
                    .map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build());
        });
    }
}
