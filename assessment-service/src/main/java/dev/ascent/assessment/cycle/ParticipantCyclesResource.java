package dev.ascent.assessment.cycle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The cycles one person takes part in: where a member finds the cycle to self-assess in. */
@Path("/api/v1/people/{id}/cycles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment cycles")
public class ParticipantCyclesResource {

    private final CycleService cycles;

    public ParticipantCyclesResource(CycleService cycles) {
        this.cycles = cycles;
    }

    @GET
    @Operation(summary = "The cycles a person takes part in, newest first, with their self-assessment's state")
    public List<CycleDtos.ParticipantCycle> list(@PathParam("id") UUID id,
                                                 @QueryParam("limit") @Min(1) @Max(200) Integer limit) {
        return cycles.ofParticipant(id, limit == null ? 50 : limit);
    }
}
