package dev.ascent.evidence.log;

import dev.ascent.evidence.EvidenceConfig;
import dev.ascent.evidence.directory.PeopleDirectory;
import dev.ascent.kit.caller.Caller;
import dev.ascent.kit.paging.Page;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.evidence.vocabulary.EvidenceKind;
import dev.ascent.evidence.vocabulary.EvidenceSource;
import dev.ascent.evidence.vocabulary.EvidenceStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "The evidence log and its status flow")
public class EvidenceResource {

    private final EvidenceService service;
    private final EvidenceConfig config;
    private final Caller caller;
    private final PeopleDirectory directory;

    public EvidenceResource(EvidenceService service, EvidenceConfig config, Caller caller, PeopleDirectory directory) {
        this.service = service;
        this.config = config;
        this.caller = caller;
        this.directory = directory;
    }

    /** An optional reason for a rejection. */
    public record RejectRequest(@Size(max = 2000) String reason) {
    }

    @POST
    @Operation(summary = "Log an evidence item by hand")
    @APIResponse(responseCode = "201", description = "The logged item; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceResponse.class)))
    public Response create(@Valid @NotNull EvidenceRequest body, @Context UriInfo uri) {
        UUID actor = caller.requirePersonId();
        // the gateway's route table lets the person, their line and admins through; the line is checked again here
        if (!directory.mayLogFor(actor, body.personId())) {
            throw ApiProblem.forbidden("Only the person, someone above them in the reporting line or an admin logs "
                    + "evidence for them");
        }
        EvidenceResponse created = service.create(body, actor);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one evidence item")
    public EvidenceResponse get(@PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> ApiProblem.notFound("Evidence", id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Edit an evidence item (its owner only)")
    public EvidenceResponse update(@PathParam("id") UUID id, @Valid @NotNull EvidenceRequest body) {
        return service.update(id, body, caller.requirePersonId());
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delete an evidence item (its owner only)")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id, caller.requirePersonId());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/confirm")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm a suggested item (its owner only)")
    public EvidenceResponse confirm(@PathParam("id") UUID id) {
        return service.confirm(id, caller.requirePersonId());
    }

    @POST
    @Path("{id}/verify")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Verify a confirmed item (a manager)")
    public EvidenceResponse verify(@PathParam("id") UUID id) {
        return service.verify(id, caller.requirePersonId());
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject a suggested or confirmed item")
    public EvidenceResponse reject(@PathParam("id") UUID id, @Valid RejectRequest body) {
        return service.reject(id, caller.requirePersonId(), body == null ? null : body.reason());
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Every status change of an item: who, when, from what to what")
    public List<StatusChangeResponse> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @GET
    @Operation(summary = "List evidence, newest work first, one page at a time")
    public Page<EvidenceResponse> list(@QueryParam("personId") String personId,
                                       @QueryParam("competency") String competency,
                                       @QueryParam("kind") String kind,
                                       @QueryParam("status") String status,
                                       @QueryParam("source") String source,
                                       @QueryParam("from") String from,
                                       @QueryParam("to") String to,
                                       @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") @Min(1) Integer limit) {
        int max = config.paging().maxLimit();
        if (limit != null && limit > max) {
            throw ApiProblem.invalidField("limit", "must be at most " + max);
        }
        // Parsed here rather than by the framework, so a bad value is a 400 naming the parameter.
        EvidenceFilter filter = new EvidenceFilter(
                parse("personId", personId, UUID::fromString, "must be a UUID"),
                competency,
                parse("kind", kind, EvidenceKind::valueOf, "must be one of " + List.of(EvidenceKind.values())),
                parse("status", status, EvidenceStatus::valueOf, "must be one of " + List.of(EvidenceStatus.values())),
                parse("source", source, EvidenceSource::valueOf, "must be one of " + List.of(EvidenceSource.values())),
                parse("from", from, LocalDate::parse, "must be a date (YYYY-MM-DD)"),
                parse("to", to, LocalDate::parse, "must be a date (YYYY-MM-DD)"));
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw ApiProblem.invalidField("from", "must not be after to");
        }
        return service.list(filter, cursor, limit == null ? config.paging().defaultLimit() : limit);
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField(name, expected);
        }
    }
}
