package dev.ascent.assessment.people;

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
import jakarta.ws.rs.PUT;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "People", description = "The people directory and reporting lines")
public class PeopleResource {

    static final int MAX_LIMIT = 200;

    private final PeopleService service;
    private final AssessmentConfig config;
    private final LineAccess lineAccess;

    public PeopleResource(PeopleService service, AssessmentConfig config, LineAccess lineAccess) {
        this.service = service;
        this.config = config;
        this.lineAccess = lineAccess;
    }

    @POST
    @Path("people")
    @Operation(summary = "Add a person to the directory")
    @APIResponse(responseCode = "201", description = "The person as added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonResponse.class)))
    public Response create(@Valid @NotNull PersonRequest body, @Context UriInfo uri) {
        PersonResponse created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("people/{id}")
    @Operation(summary = "Read one person")
    public PersonResponse get(@PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> ApiProblem.notFound("Person", id));
    }

    @PUT
    @Path("people/{id}")
    @Operation(summary = "Change a person's name, level, target, manager or founder-led setting")
    public PersonResponse update(@PathParam("id") UUID id, @Valid @NotNull PersonUpdate body) {
        return service.update(id, body);
    }

    @GET
    @Path("people/{id}/reports")
    @Operation(summary = "A manager's reports: direct (depth=direct, the default) or at every level (depth=all)")
    public Page<ReportResponse> reports(@PathParam("id") UUID id,
                                        @QueryParam("depth") @Pattern(regexp = "direct|all", message = "must be direct or all") String depth,
                                        @QueryParam("cursor") String cursor,
                                        @QueryParam("limit") @Min(1) @Max(MAX_LIMIT) Integer limit) {
        return service.reports(id, "all".equals(depth), cursor, limit == null ? config.paging().defaultLimit() : limit);
    }

    @GET
    @Path("people/{id}/team")
    @Operation(summary = "A manager's whole team in one answer (direct, or every level with depth=all), for reports; "
            + "at most ascent.assessment.team.max-size people")
    public TeamResponse team(@PathParam("id") UUID id,
                             @QueryParam("depth") @Pattern(regexp = "direct|all", message = "must be direct or all") String depth) {
        return service.team(id, "all".equals(depth));
    }

    @GET
    @Path("people")
    @Operation(summary = "List people in creation order, one page at a time")
    public Page<PersonResponse> list(@QueryParam("cursor") String cursor,
                                     @QueryParam("limit") @Min(1) @Max(MAX_LIMIT) Integer limit,
                                     @QueryParam("email") String email) {
        if (email != null) {
            return new Page<>(service.findByEmail(email).stream().toList(), null);
        }
        return service.list(cursor, limit == null ? config.paging().defaultLimit() : limit);
    }

    /**
     * For services, not the public API (the gateway routes only its route table, which leaves this out):
     * an integration's forwarded token, an admin or the gateway itself may ask.
     */
    @POST
    @Path("people/by-email")
    @Operation(hidden = true)
    public DirectoryByEmail.Response byEmail(@Valid @NotNull DirectoryByEmail.Request body) {
        if (!lineAccess.isAdmin()) { // integrations and the gateway act for nobody, so count as admin here
            throw ApiProblem.forbidden("Only integrations and admins look people up by email in bulk");
        }
        return new DirectoryByEmail.Response(service.byEmails(body.emails()));
    }

    @GET
    @Path("people/{id}/line")
    @Operation(summary = "A person's management line, nearest manager first")
    public ManagementLine line(@PathParam("id") UUID id) {
        return service.line(id);
    }
}
