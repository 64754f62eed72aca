package dev.ascent.evidence.ingest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The generic batch API: up to 1,000 events as a JSON array or NDJSON. Each event's
 * {@code externalId} is applied once per source: a repeat in a later batch is counted in the
 * answer's {@code duplicates} and has no effect, a repeat inside the batch is a 400. With an
 * {@code Idempotency-Key}, a repeat of the same body replays the first answer (header
 * {@code Idempotent-Replayed: true}); the same key with another body is a 422; a repeat while
 * the first is still running is a 409.
 */
@Path("/api/v1/ingest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ingestion", description = "Batches of project events from any tool")
public class BatchResource {

    public static final String NDJSON = "application/x-ndjson";

    private final IngestionService ingestion;

    public BatchResource(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @POST
    @Path("{sourceId}/events")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(summary = "Push a batch of project events")
    public Response events(@PathParam("sourceId") UUID sourceId, @HeaderParam("Idempotency-Key") String key,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        boolean ndjson = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(NDJSON);
        IngestionService.Stored answer = ingestion.batch(sourceId, key, ndjson, body);
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body())
                .type(MediaType.APPLICATION_JSON);
        if (answer.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}
