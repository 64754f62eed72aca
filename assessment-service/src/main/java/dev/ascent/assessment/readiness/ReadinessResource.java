package dev.ascent.assessment.readiness;

import dev.ascent.assessment.people.LineAccess;
import dev.ascent.kit.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Readiness", description = "Evidence-backed promotion readiness")
public class ReadinessResource {

    private final ReadinessService readiness;
    private final LineAccess lineAccess;

    public ReadinessResource(ReadinessService readiness, LineAccess lineAccess) {
        this.readiness = readiness;
        this.lineAccess = lineAccess;
    }

    @GET
    @Path("people/{id}/readiness")
    @Operation(summary = "Readiness for a target level (default: the person's target, else the next level), explained per competency")
    public ReadinessDtos.Readiness forPerson(@PathParam("id") UUID id, @QueryParam("target") String target) {
        return readiness.forPerson(id, target);
    }

    /**
     * For the gateway's overview, not the public API (the gateway's route table leaves it out): the
     * person's profile and their readiness in one call. Only an admin, or the gateway itself, may ask.
     */
    @GET
    @Path("people/{id}/with-readiness")
    @Operation(hidden = true)
    public ReadinessDtos.PersonWithReadiness withReadiness(@PathParam("id") UUID id) {
        if (!lineAccess.isAdmin()) {
            throw ApiProblem.forbidden("Only admins and the gateway read a profile with its readiness");
        }
        return readiness.withReadiness(id);
    }

    @POST
    @Path("readiness/bulk")
    @Operation(summary = "Readiness summaries for many people at once, for team reports")
    public ReadinessDtos.BulkResponse bulk(@Valid @NotNull ReadinessDtos.BulkRequest body) {
        return readiness.forPeople(body.personIds(), body.competenciesWanted());
    }

    /**
     * For the gateway's team reports, not the public API (the gateway routes only its route table,
     * which leaves this out): the figures of {@code readiness/bulk} in a compact layout
     * ({@link ReadinessColumns}). Only an admin, or the gateway itself, may ask.
     */
    @POST
    @Path("readiness/bulk/columns")
    @Operation(hidden = true)
    public ReadinessColumns bulkColumns(@Valid @NotNull ReadinessDtos.BulkRequest body) {
        if (!lineAccess.isAdmin()) {
            throw ApiProblem.forbidden("Only admins and the gateway read readiness in bulk");
        }
        return new ReadinessColumns(readiness.figures(body.personIds()), body.competenciesWanted());
    }

    /**
     * For the gateway's team reports, not the public API: the columns of {@code readiness/bulk/columns}
     * for everyone in the manager's team ({@code people/{id}/team}, same depth, same 404 and 422), so
     * that the gateway asks for them alongside the team instead of after it; one walk of the in-memory
     * reporting tree gives the standings and the founder-led settings. Only an admin, or the gateway itself.
     */
    @GET
    @Path("people/{id}/team/readiness-columns")
    @Operation(hidden = true)
    public ReadinessColumns teamColumns(@PathParam("id") UUID id,
                                        @QueryParam("depth") @jakarta.validation.constraints.Pattern(regexp = "direct|all",
                                                message = "must be direct or all") String depth,
                                        @QueryParam("competencies") @jakarta.validation.constraints.Pattern(
                                                regexp = "true|false", message = "must be true or false") String competencies) {
        if (!lineAccess.isAdmin()) {
            throw ApiProblem.forbidden("Only admins and the gateway read readiness in bulk");
        }
        return new ReadinessColumns(readiness.teamFigures(id, "all".equals(depth)), !"false".equals(competencies));
    }

    @GET
    @Path("people/{id}/readiness/history")
    @Operation(summary = "Readiness over time for one person: a point per day readiness changed (and per target level), oldest first")
    public List<ReadinessDtos.HistoryPoint> history(@PathParam("id") UUID id,
                                                    @Parameter(description = "first day, ISO date; default a year before `to`") @QueryParam("from") String from,
                                                    @Parameter(description = "last day, ISO date; default today") @QueryParam("to") String to) {
        return readiness.history(id, from, to);
    }

    @POST
    @Path("readiness/history/bulk")
    @Operation(summary = "Readiness over time for many people (up to 1,000, within the caller's line), for teams")
    public ReadinessDtos.HistoryBulkResponse historyBulk(@Valid @NotNull ReadinessDtos.HistoryBulkRequest body) {
        return readiness.history(body);
    }
}
