package dev.ascent.evidence.integration;

import dev.ascent.evidence.EvidenceConfig;
import dev.ascent.kit.paging.Page;
import dev.ascent.kit.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import java.util.UUID;

/** Admin endpoints (the admin role is enforced by the gateway from issue 6 on). */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations", description = "Sources that push project data, identity links, the unmatched queue")
public class IntegrationResource {

    private final IntegrationService service;
    private final EvidenceConfig config;

    public IntegrationResource(IntegrationService service, EvidenceConfig config) {
        this.service = service;
        this.config = config;
    }

    @POST
    @Operation(summary = "Register a source; the answer shows its webhook secret, once")
    @APIResponse(responseCode = "201", description = "The source with its webhook secret, shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceResponse.class)))
    public Response register(@Valid @NotNull SourceRequest body, @Context UriInfo uri) {
        SourceResponse created = service.register(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "Registered sources in registration order (never their secrets)")
    public Page<SourceResponse> list(@QueryParam("cursor") String cursor, @QueryParam("limit") @Min(1) Integer limit) {
        return service.list(cursor, limit(limit));
    }

    @GET
    @Path("{id}")
    public SourceResponse get(@PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> ApiProblem.notFound("Integration source", id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a source with its links and events; evidence it produced stays")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/identity-links")
    @Operation(summary = "Link a tool's user to a person; their queued events become suggested evidence")
    public Response link(@PathParam("id") UUID id, @Valid @NotNull IdentityLinkRequest body) {
        IntegrationService.LinkResult result = service.link(id, body);
        return Response.status(result.created() ? 201 : 200).entity(result.link()).build();
    }

    @GET
    @Path("{id}/identity-links")
    @Operation(summary = "A source's identity links in creation order")
    public Page<IdentityLinkResponse> links(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
                                            @QueryParam("limit") @Min(1) Integer limit) {
        return service.links(id, cursor, limit(limit));
    }

    @DELETE
    @Path("{id}/identity-links/{linkId}")
    public Response unlink(@PathParam("id") UUID id, @PathParam("linkId") UUID linkId) {
        service.unlink(id, linkId);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/unmatched")
    @Operation(summary = "Events waiting for their user to be linked, oldest first")
    public Page<UnmatchedEventResponse> unmatched(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
                                                  @QueryParam("limit") @Min(1) Integer limit) {
        return service.unmatched(id, cursor, limit(limit));
    }

    @POST
    @Path("{id}/unmatched/resolve")
    @Operation(summary = "Resolve queued events by linking their user to a person (same as adding an identity link)")
    public IdentityLinkResponse resolve(@PathParam("id") UUID id, @Valid @NotNull IdentityLinkRequest body) {
        return service.link(id, body).link();
    }

    private int limit(Integer limit) {
        if (limit != null && limit > config.paging().maxLimit()) {
            throw ApiProblem.invalidField("limit", "must be at most " + config.paging().maxLimit());
        }
        return limit == null ? config.paging().defaultLimit() : limit;
    }
}
