package dev.ascent.gateway.platform;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/platform")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform", description = "The platform's own state")
public class PlatformHealthResource {

    private final PlatformHealthService health;

    public PlatformHealthResource(PlatformHealthService health) {
        this.health = health;
    }

    @GET
    @Path("health")
    @Operation(summary = "Readiness of the gateway and every service; 503 when any is down")
    public Uni<Response> health() {
        return health.check().map(report -> Response.status("UP".equals(report.status()) ? 200 : 503)
                .entity(report).build());
    }
}
