package dev.ascent.growthplan.plan;

import dev.ascent.growthplan.GrowthPlanConfig;
import dev.ascent.kit.paging.Page;
import dev.ascent.growthplan.plan.PlanResponses.CheckInView;
import dev.ascent.growthplan.plan.PlanResponses.PlanSummary;
import dev.ascent.growthplan.plan.PlanResponses.PlanView;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Growth plans. The gateway routes {@code /api/v1/plans/**} here, so a person's plans are created
 * with {@code POST /api/v1/plans} naming the person in the body, and listed with
 * {@code GET /api/v1/plans?personId=}.
 */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Growth plans generated from readiness gaps, measured by evidence")
public class PlanResource {

    static final int MAX_LIMIT = 200;

    private final PlanService service;
    private final GrowthPlanConfig config;

    public PlanResource(PlanService service, GrowthPlanConfig config) {
        this.service = service;
        this.config = config;
    }

    @POST
    @Operation(summary = "Generate a plan for a person from their readiness gaps (supersedes their open plan)")
    @APIResponse(responseCode = "201", description = "The new plan; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public Response generate(@Valid @NotNull PlanRequests.Generate body, @Context UriInfo uri) {
        return created(service.generate(body.personId(), body.targetLevel(), body.horizonDays()), uri);
    }

    @GET
    @Operation(summary = "A person's plans, oldest first, including superseded ones")
    public Page<PlanSummary> history(@QueryParam("personId") @NotNull UUID personId,
                                     @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") @Min(1) @Max(MAX_LIMIT) Integer limit) {
        return service.history(personId, cursor, limit(limit));
    }

    @GET
    @Path("current")
    @Operation(summary = "A person's current plan (their newest not superseded) with progress, as status/bulk names it; 404 when they have none")
    public PlanView current(@QueryParam("personId") @NotNull UUID personId,
                            @Parameter(description = "false leaves out readinessSnapshot (null), the readiness answer the plan was generated from",
                                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
                            @QueryParam("readinessSnapshot") String readinessSnapshot) {
        return service.current(personId, flag("readinessSnapshot", readinessSnapshot, true)).orElseThrow(() -> new ApiProblem(404, "no-current-plan", "Not found",
                "Person " + personId + " has no current plan",
                List.of(new Problem.Violation("personId", "has no current plan"))));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A plan with progress measured from evidence (progressStale when evidence is unavailable)")
    public PlanView get(@PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> ApiProblem.notFound("Plan", id));
    }

    @PUT
    @Path("{id}/status")
    @Operation(summary = "Move a plan: DRAFT to ACTIVE or ABANDONED, ACTIVE to COMPLETED or ABANDONED")
    public PlanView changeStatus(@PathParam("id") UUID id, @Valid @NotNull PlanRequests.StatusChange body) {
        if (!service.changeStatus(id, body.status())) {
            throw ApiProblem.notFound("Plan", id);
        }
        return get(id);
    }

    @POST
    @Path("{id}/actions/{actionId}/swap")
    @Operation(summary = "Replace an action with another playbook action for the same competency")
    public PlanView swap(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId,
                         @Valid @NotNull PlanRequests.Swap body) {
        if (!service.swap(id, actionId, body.actionCode())) {
            throw ApiProblem.notFound("Plan action", actionId);
        }
        return get(id);
    }

    @POST
    @Path("{id}/regenerate")
    @Operation(summary = "Generate a new plan from fresh readiness; the old one is superseded and kept")
    @APIResponse(responseCode = "201", description = "The new plan; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public Response regenerate(// the body is optional: an empty request keeps the plan's horizon
                               @PathParam("id") UUID id, @Valid PlanRequests.Regenerate body, @Context UriInfo uri) {
        PlanView plan = service.regenerate(id, body == null ? null : body.horizonDays())
                .orElseThrow(() -> ApiProblem.notFound("Plan", id));
        return created(plan, uri);
    }

    @POST
    @Path("{id}/check-ins")
    @Operation(summary = "Add a check-in note by the person or their manager")
    @APIResponse(responseCode = "201", description = "The check-in", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInView.class)))
    public Response checkIn(@PathParam("id") UUID id, @Valid @NotNull PlanRequests.NewCheckIn body) {
        CheckInView created = service.checkIn(id, body).orElseThrow(() -> ApiProblem.notFound("Plan", id));
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("{id}/check-ins")
    @Operation(summary = "A plan's check-ins, oldest first")
    public Page<CheckInView> checkIns(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
                                      @QueryParam("limit") @Min(1) @Max(MAX_LIMIT) Integer limit) {
        return service.checkIns(id, cursor, limit(limit)).orElseThrow(() -> ApiProblem.notFound("Plan", id));
    }

    @POST
    @Path("status/bulk")
    @Operation(summary = "Current plan and progress of many people (for team reports)")
    public PlanResponses.BulkStatus bulkStatus(@Valid @NotNull PlanRequests.BulkStatus body) {
        return service.bulkStatus(body.personIds());
    }

    private int limit(Integer limit) {
        return limit == null ? config.paging().defaultLimit() : limit;
    }

    private static Response created(PlanView plan, UriInfo uri) {
        return Response.created(uri.getBaseUriBuilder().path("api/v1/plans/" + plan.id()).build()).entity(plan).build();
    }

    /** A true/false query parameter, absent meaning {@code absent}; anything else is a 400 naming it. */
    private static boolean flag(String name, String value, boolean absent) {
        if (value == null) {
            return absent;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.invalidField(name, "must be true or false");
        };
    }
}
