package dev.ascent.gateway.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.gateway.access.AccessControl;
import dev.ascent.gateway.access.CallerResolver;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/teams")
@Tag(name = "Team reports", description = "Readiness, evidence and plans of a manager's team")
public class TeamReportResource {

    static final String CSV = "text/csv";

    private final TeamReportService reports;
    private final CallerResolver callers;
    private final AccessControl access;
    private final ObjectMapper json;

    public TeamReportResource(TeamReportService reports, CallerResolver callers, AccessControl access,
                              ObjectMapper json) {
        this.reports = reports;
        this.callers = callers;
        this.access = access;
        this.json = json;
    }

    @GET
    @Path("{managerId}/report")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getTeamReport",
            summary = "A manager's team report: direct reports, or every level with depth=all; JSON, or CSV with Accept: text/csv",
            description = "The JSON answer holds the people (each with their competency cells: expected level and effective "
                    + "rating per competency of their target), the readiness distribution and the competency heatmap; "
                    + "columns a service could not supply are null and named in `unavailable`. With `Accept: text/csv` "
                    + "the answer is one table, chosen by `view`: the people (one row each) or the heatmap (one row per "
                    + "competency; `gap` is the expected average less the team's). In CSV, text cells that start with "
                    + "=, +, -, @, a tab or a carriage return carry a leading ' so that spreadsheets do not run them as "
                    + "formulas; numbers are written as they are.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamReport.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "RFC 4180, UTF-8, with a header row"))})
    @APIResponse(responseCode = "400", description = "depth or view is not one of its values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither an admin nor the manager or one of their managers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The team is too large for one report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The caller sends too many requests",
            headers = @Header(name = "Retry-After", description = "Seconds to wait",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "assessment-service is unavailable (for the heatmap CSV: its readiness too)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> report(@PathParam("managerId") @Parameter(description = "The manager whose team it is") UUID managerId,
                                @QueryParam("depth") @Pattern(regexp = "direct|all", message = "must be direct or all")
                                @Parameter(description = "direct reports only (default), or all levels below the manager",
                                        schema = @Schema(type = SchemaType.STRING, enumeration = {"direct", "all"}))
                                String depth,
                                @QueryParam("view") @Pattern(regexp = "people|heatmap", message = "must be people or heatmap")
                                @Parameter(description = "Which table the CSV answer holds: the people (default) or the "
                                        + "competency heatmap; the JSON answer always holds both",
                                        schema = @Schema(type = SchemaType.STRING, enumeration = {"people", "heatmap"}))
                                String view,
                                @HeaderParam(HttpHeaders.ACCEPT) String accept,
                                @Context RoutingContext request) {
        boolean csv = accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        return callers.resolve(request)
                .call(caller -> access.person(caller, managerId))
                .flatMap(caller -> reports.report(managerId, "all".equals(depth), !csv)).map(report -> csv
                ? csv(report, "heatmap".equals(view), managerId)
                : Response.ok((StreamingOutput) out -> TeamReportJson.write(report, json.getFactory(), out),
                        MediaType.APPLICATION_JSON).build());
    }

    private static Response csv(TeamReport report, boolean heatmap, UUID managerId) {
        if (heatmap && report.unavailable().contains("heatmap")) {
            // A heatmap without readiness would be an empty table that looks like a team without ratings.
            throw new ApiProblem(503, "service-unavailable", "Service unavailable", TeamReportService.ASSESSMENT
                    + " is unavailable, so the team's heatmap cannot be drawn; try again shortly", List.of());
        }
        String body = heatmap ? TeamReportCsv.heatmap(report) : TeamReportCsv.people(report);
        String file = "team-" + managerId + (heatmap ? "-heatmap" : "") + ".csv";
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
