package dev.ascent.gateway.apikey;

import dev.ascent.gateway.access.Caller;
import dev.ascent.gateway.access.CallerResolver;
import dev.ascent.kit.problem.ApiProblem;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Admins give integrations API keys for their own source; a key is shown once and can be revoked. */
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Keys integrations use to push to their own source")
@Blocking
public class ApiKeyResource {

    public record KeyRequest(@NotBlank @Size(max = 100) String sourceId, @NotBlank @Size(max = 200) String name) {
    }

    private final ApiKeyService keys;
    private final CallerResolver callers;
    private final Validator validator;

    public ApiKeyResource(ApiKeyService keys, CallerResolver callers, Validator validator) {
        this.keys = keys;
        this.callers = callers;
        this.validator = validator;
    }

    @POST
    @Operation(summary = "Create a key for an integration source; the key is in this answer and never again")
    @APIResponse(responseCode = "201", description = "The key, shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyService.Created.class)))
    public Response create(@RequestBody(required = true) KeyRequest body,
                           @Context RoutingContext request) {
        // Who is asking is decided before the body is looked at: a non-admin learns nothing from validation.
        Caller admin = admin(request);
        if (body == null) {
            throw new ApiProblem(400, "validation-failed", "Invalid request", "A body with sourceId and name is required", List.of());
        }
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return Response.status(201).entity(keys.create(body.sourceId(), body.name(), admin.subject())).build();
    }

    @GET
    @Operation(summary = "List keys, newest first, without the keys themselves")
    public List<ApiKeyService.Summary> list(@QueryParam("limit") @Min(1) @Max(200) Integer limit,
                                            @Context RoutingContext request) {
        admin(request);
        return keys.newestFirst(limit == null ? 50 : limit);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a key; calls with it are refused from now on")
    public Response revoke(@PathParam("id") UUID id, @Context RoutingContext request) {
        admin(request);
        keys.revoke(id);
        return Response.noContent().build();
    }

    private Caller admin(RoutingContext request) {
        Caller caller = callers.resolve(request).await().indefinitely();
        if (!caller.is(Caller.Role.ADMIN)) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "Only admins manage API keys", List.of());
        }
        return caller;
    }
}
