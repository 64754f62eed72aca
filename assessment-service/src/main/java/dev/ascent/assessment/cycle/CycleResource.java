package dev.ascent.assessment.cycle;

import dev.ascent.assessment.AssessmentConfig;
import dev.ascent.kit.paging.Page;
import dev.ascent.kit.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment cycles", description = "Assessment windows, participants and peer invitations")
public class CycleResource {

    private final CycleService cycles;
    private final AssessmentConfig config;

    public CycleResource(CycleService cycles, AssessmentConfig config) {
        this.cycles = cycles;
        this.config = config;
    }

    @POST
    @Operation(summary = "Open an assessment cycle for a set of participants")
    public Response create(@Valid @NotNull CycleDtos.CycleRequest body) {
        return Response.status(201).entity(cycles.create(body)).build();
    }

    @GET
    @Operation(summary = "List cycles, oldest first")
    public Page<CycleDtos.CycleSummary> list(@QueryParam("cursor") String cursor,
                                             @QueryParam("limit") @Min(1) @Max(200) Integer limit) {
        return cycles.list(cursor, limit == null ? config.paging().defaultLimit() : limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A cycle with the completion status of every participant")
    public CycleDtos.CycleDetail get(@PathParam("id") UUID id) {
        return cycles.detail(id).orElseThrow(() -> ApiProblem.notFound("Cycle", id));
    }

    @POST
    @Path("{id}/peer-invitations")
    @Operation(summary = "Invite a peer to assess a participant in this cycle")
    public Response invite(@PathParam("id") UUID id, @Valid @NotNull CycleDtos.PeerInvitationRequest body) {
        return Response.status(201).entity(cycles.invitePeer(id, body)).build();
    }
}
