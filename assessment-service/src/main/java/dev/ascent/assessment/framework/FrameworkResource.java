package dev.ascent.assessment.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ascent.kit.json.InputGuards;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.ascent.kit.problem.ApiProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Framework versions, importable and exportable as JSON or YAML. */
@Path("/api/v1/frameworks")
@Tag(name = "Frameworks", description = "Versioned competency frameworks")
public class FrameworkResource {

    static final String YAML = "application/yaml";

    private final FrameworkService frameworks;
    private final ObjectMapper json;
    private final ObjectMapper yaml;

    public FrameworkResource(FrameworkService frameworks, ObjectMapper json) {
        this.frameworks = frameworks;
        this.json = json;
        this.yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
                .findAndRegisterModules()
                .registerModule(InputGuards.module());
    }

    @GET
    @Path("versions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List framework versions, newest first")
    public List<FrameworkVersionSummary> versions() {
        return frameworks.list();
    }

    @POST
    @Path("versions")
    @Consumes({MediaType.APPLICATION_JSON, YAML, "text/yaml", "application/x-yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a whole framework (JSON or YAML) as the draft of the next version")
    public Response importDraft(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body)
            throws JsonProcessingException {
        ObjectMapper reader = contentType != null && contentType.contains("yaml") ? yaml : json;
        if (body == null || body.isBlank()) {
            throw ApiProblem.invalidField("", "a framework document is required");
        }
        FrameworkDocument document = reader.readValue(body, FrameworkDocument.class);
        return Response.status(201).entity(frameworks.importDraft(document)).build();
    }

    @POST
    @Path("versions/{version}/publish")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a draft; it becomes the current framework and never changes again")
    public FrameworkVersionSummary publish(@PathParam("version") int version) {
        return frameworks.publish(version);
    }

    @GET
    @Path("versions/{version}")
    @Produces({MediaType.APPLICATION_JSON, YAML})
    @Operation(summary = "Export one version as JSON or YAML (by Accept)")
    @APIResponse(responseCode = "200", description = "The framework", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkDocument.class)),
            @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING, description = "The same document as YAML"))})
    public Response export(@PathParam("version") int version, @HeaderParam(HttpHeaders.ACCEPT) String accept)
            throws JsonProcessingException {
        FrameworkDocument document = frameworks.document(version)
                .orElseThrow(() -> ApiProblem.notFound("Framework version", version));
        return render(document, accept);
    }

    @GET
    @Path("current")
    @Produces({MediaType.APPLICATION_JSON, YAML})
    @Operation(summary = "Export the current published version as JSON or YAML (by Accept)")
    @APIResponse(responseCode = "200", description = "The framework", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkDocument.class)),
            @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING, description = "The same document as YAML"))})
    public Response current(@HeaderParam(HttpHeaders.ACCEPT) String accept) throws JsonProcessingException {
        Framework current = frameworks.current();
        return Response.fromResponse(render(current.document(), accept))
                .header("X-Framework-Version", current.version()).build();
    }

    private Response render(FrameworkDocument document, String accept) throws JsonProcessingException {
        if (accept != null && accept.contains("yaml")) {
            return Response.ok(yaml.writeValueAsString(document), YAML).build();
        }
        return Response.ok(json.writeValueAsString(document), MediaType.APPLICATION_JSON).build();
    }
}
