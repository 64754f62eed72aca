package dev.ascent.evidence.ingest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Webhook receivers. The body is taken as raw bytes: the signature covers exactly those bytes,
 * and JSON is read only once it is verified. New events are answered 202 with their outcome; a
 * redelivery (same delivery id) is answered 200 with {@code duplicate: true} and has no effect.
 */
@Path("/api/v1/webhooks")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "GitHub, Jira and Linear push project events here")
public class WebhookResource {

    private final IngestionService ingestion;

    public WebhookResource(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @POST
    @Path("github/{sourceId}")
    @Operation(summary = "GitHub webhook (pull_request, issues, release)")
    public Response github(@PathParam("sourceId") UUID sourceId, @HeaderParam("X-GitHub-Event") String event,
                           @HeaderParam("X-GitHub-Delivery") String delivery,
                           @HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        return answer(ingestion.github(sourceId, event, delivery, signature, body));
    }

    @POST
    @Path("jira/{sourceId}")
    @Operation(summary = "Jira webhook (issues created and updated, comments, versions released)")
    public Response jira(@PathParam("sourceId") UUID sourceId,
                         @HeaderParam("X-Atlassian-Webhook-Identifier") String delivery,
                         @HeaderParam("X-Hub-Signature") String signature, byte[] body) {
        return answer(ingestion.jira(sourceId, delivery, signature, body));
    }

    @POST
    @Path("linear/{sourceId}")
    @Operation(summary = "Linear webhook (issues created and updated)")
    public Response linear(@PathParam("sourceId") UUID sourceId, @HeaderParam("Linear-Delivery") String delivery,
                           @HeaderParam("Linear-Signature") String signature, byte[] body) {
        return answer(ingestion.linear(sourceId, delivery, signature, body));
    }

    private static Response answer(IngestionService.WebhookAnswer answer) {
        return Response.status(answer.duplicate() ? 200 : 202).entity(answer).build();
    }
}
