package dev.ascent.assessment.talent;

import dev.ascent.kit.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/talent-pool")
@Tag(name = "Readiness", description = "Evidence-backed promotion readiness")
public class TalentPoolResource {

    static final String CSV = "text/csv";

    private final TalentPoolService pools;

    public TalentPoolResource(TalentPoolService pools) {
        this.pools = pools;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getTalentPool",
            summary = "Who is ready now and who is emerging for each level, with trend and months to ready; JSON, or CSV with Accept: text/csv",
            description = "Admins see everyone, others everyone below them in the reporting line (nobody below: an empty "
                    + "pool). Per target level in ladder order (levels nobody targets are left out): the people ready now "
                    + "and emerging, each with readiness, its change over 90 days, the months to READY projected from "
                    + "the last 180 days of history (a range, or not enough history, or not improving) and their "
                    + "calibration signals (opinion only, under-recognised); totals per level. With `Accept: text/csv` "
                    + "one row per person listed; text cells that start with =, +, -, @, a tab or a carriage return carry "
                    + "a leading ' so that spreadsheets do not run them as formulas.")
    @APIResponse(responseCode = "200", description = "The talent pool", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TalentPool.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "RFC 4180, UTF-8, with a header row"))})
    @APIResponse(responseCode = "400", description = "level is not a level of the framework",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pool(@QueryParam("level") @Parameter(description = "only this target level (a level code)")
                         String level,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TalentPool pool = pools.pool(level == null || level.isBlank() ? null : level.trim());
        if (accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(TalentPoolCsv.write(pool), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"talent-pool-" + pool.asOf() + ".csv\"")
                    .build();
        }
        return Response.ok(pool, MediaType.APPLICATION_JSON).build();
    }
}
