package dev.ascent.gateway.report;

import dev.ascent.gateway.access.AccessControl;
import dev.ascent.gateway.access.CallerResolver;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/teams")
@Tag(name = "Team reports", description = "Readiness, evidence and plans of a manager's team")
public class TeamReportResource {

    static final String CSV = "text/csv";

    private final TeamReportService reports;
    private final CallerResolver callers;
    private final AccessControl access;

    public TeamReportResource(TeamReportService reports, CallerResolver callers, AccessControl access) {
        this.reports = reports;
        this.callers = callers;
        this.access = access;
    }

    @GET
    @Path("{managerId}/report")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "A manager's team report: direct reports, or every level with depth=all; JSON, or CSV with Accept: text/csv")
    public Uni<Response> report(@PathParam("managerId") UUID managerId,
                                @QueryParam("depth") @Pattern(regexp = "direct|all", message = "must be direct or all") String depth,
                                @HeaderParam(HttpHeaders.ACCEPT) String accept,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        boolean csv = accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        return callers.resolve(authorization)
                .call(caller -> access.person(caller, managerId))
                .flatMap(caller -> reports.report(managerId, "all".equals(depth))).map(report -> csv
                ? Response.ok(TeamReportCsv.people(report), CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"team-" + managerId + ".csv\"").build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build());
    }
}
