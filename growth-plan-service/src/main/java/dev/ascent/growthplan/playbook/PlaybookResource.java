package dev.ascent.growthplan.playbook;

import dev.ascent.growthplan.GrowthPlanConfig;
import dev.ascent.kit.paging.Page;
import dev.ascent.kit.problem.ApiProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The playbook admins maintain: export the current or any version (JSON, or YAML when asked),
 * import a new version (JSON or YAML, validated), list versions. Published versions never change.
 */
@Path("/api/v1/playbook")
@Tag(name = "Playbook", description = "Versioned actions that growth plans are built from")
public class PlaybookResource {

    static final int MAX_LIMIT = 200;
    /** Largest document accepted on import. */
    static final int MAX_DOCUMENT_CHARS = 2_000_000;

    private final PlaybookService service;
    private final PlaybookFormats formats;
    private final GrowthPlanConfig config;

    public PlaybookResource(PlaybookService service, PlaybookFormats formats, GrowthPlanConfig config) {
        this.service = service;
        this.formats = formats;
        this.config = config;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PlaybookFormats.YAML})
    @Operation(summary = "Export the current playbook (JSON, or YAML with Accept: application/yaml)")
    public Response current(@Context HttpHeaders headers) {
        return export(service.current().orElseThrow(() -> ApiProblem.notFound("Playbook", "current")), headers);
    }

    @GET
    @Path("versions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List published playbook versions, oldest first")
    public Page<PlaybookVersionResponse> versions(@QueryParam("cursor") String cursor,
                                                  @QueryParam("limit") @Min(1) @Max(MAX_LIMIT) Integer limit) {
        return service.list(cursor, limit == null ? config.paging().defaultLimit() : limit);
    }

    @GET
    @Path("versions/{version}")
    @Produces({MediaType.APPLICATION_JSON, PlaybookFormats.YAML})
    @Operation(summary = "Export one published version (JSON, or YAML with Accept: application/yaml)")
    @APIResponse(responseCode = "200", description = "The playbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaybookDocument.class)),
            @Content(mediaType = PlaybookFormats.YAML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    description = "The same document as YAML"))})
    public Response version(@PathParam("version") int version, @Context HttpHeaders headers) {
        return export(service.version(version).orElseThrow(() -> ApiProblem.notFound("Playbook version", version)),
                headers);
    }

    @POST
    @Path("versions")
    @Consumes({MediaType.APPLICATION_JSON, PlaybookFormats.YAML, "application/x-yaml", "text/yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a playbook document (JSON or YAML) as the next version")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaybookDocument.class)),
            @Content(mediaType = PlaybookFormats.YAML, schema = @Schema(implementation = PlaybookDocument.class))})
    public Response publish(String body, @Context HttpHeaders headers, @Context UriInfo uri) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.invalidField("actions", "a playbook needs at least one action");
        }
        if (body.length() > MAX_DOCUMENT_CHARS) {
            throw new ApiProblem(413, "payload-too-large", "Payload too large",
                    "A playbook document may have at most " + MAX_DOCUMENT_CHARS + " characters", java.util.List.of());
        }
        PlaybookDocument document = formats.read(body, PlaybookFormats.isYaml(headers.getMediaType()));
        PlaybookVersionResponse created = service.publish(document);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/playbook/versions/" + created.version()).build())
                .entity(created).build();
    }

    private Response export(PublishedPlaybook playbook, HttpHeaders headers) {
        boolean yaml = headers.getAcceptableMediaTypes().stream()
                .filter(t -> PlaybookFormats.isYaml(t) || t.isCompatible(MediaType.APPLICATION_JSON_TYPE))
                .findFirst()
                .map(PlaybookFormats::isYaml)
                .orElse(false);
        Response.ResponseBuilder response = yaml
                ? Response.ok(formats.writeYaml(playbook.document()), PlaybookFormats.YAML)
                : Response.ok(playbook.document(), MediaType.APPLICATION_JSON);
        return response.header("Playbook-Version", playbook.version()).build();
    }
}
