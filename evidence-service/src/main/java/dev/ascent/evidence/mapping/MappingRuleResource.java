package dev.ascent.evidence.mapping;

import dev.ascent.evidence.EvidenceConfig;
import dev.ascent.kit.paging.Page;
import dev.ascent.kit.problem.ApiProblem;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Admin endpoints (the admin role is enforced by the gateway from issue 6 on). */
@Path("/api/v1/mapping-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mapping rules", description = "How ingested events become suggested evidence")
public class MappingRuleResource {

    private final MappingRuleService service;
    private final EvidenceConfig config;
    private final MappingDryRun dryRun;

    public MappingRuleResource(MappingRuleService service, EvidenceConfig config, MappingDryRun dryRun) {
        this.service = service;
        this.config = config;
        this.dryRun = dryRun;
    }

    @GET
    @Operation(summary = "The rules in the order they are tried, one page at a time")
    public Page<MappingRuleResponse> list(@QueryParam("cursor") String cursor, @QueryParam("limit") @Min(1) Integer limit) {
        if (limit != null && limit > config.paging().maxLimit()) {
            throw ApiProblem.invalidField("limit", "must be at most " + config.paging().maxLimit());
        }
        return service.list(cursor, limit == null ? config.paging().defaultLimit() : limit);
    }

    @GET
    @Path("{id}")
    public MappingRuleResponse get(@PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> ApiProblem.notFound("Mapping rule", id));
    }

    @POST
    @Operation(summary = "Add a rule")
    public Response create(@Valid @NotNull MappingRuleRequest body, @Context UriInfo uri) {
        MappingRuleResponse created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @POST
    @Path("dry-run")
    @Operation(summary = "Try the enabled rules on a sample payload: what the event would become; nothing is stored")
    public DryRunResponse dryRun(@Valid @NotNull DryRunRequest body) {
        return dryRun.run(body);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a rule")
    public MappingRuleResponse update(@PathParam("id") UUID id, @Valid @NotNull MappingRuleRequest body) {
        return service.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a rule; evidence it suggested keeps its content and loses the reference")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }
}
