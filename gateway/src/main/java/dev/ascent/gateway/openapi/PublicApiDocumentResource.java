package dev.ascent.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ascent.gateway.report.ServiceReads;
import dev.ascent.gateway.routing.RouteTable;
import dev.ascent.gateway.routing.ServiceRoutes;
import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Path("/api/v1/openapi")
@Tag(name = "Platform")
public class PublicApiDocumentResource {

    private static final Duration FRESH_FOR = Duration.ofSeconds(60);
    /** Quarkus's name for an application's one OpenAPI document. */
    private static final String DEFAULT_DOCUMENT = "<default>";

    private final ServiceRoutes routes;
    private final ServiceReads reads;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PublicApiDocumentResource.class);
    private final java.util.concurrent.atomic.AtomicBoolean warned = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile JsonNode cached;
    private volatile long cachedUntil;

    private final OpenApiDocumentService ownDocuments;
    private final ObjectMapper json;

    private final String publicUrl;

    public PublicApiDocumentResource(ServiceRoutes routes, ServiceReads reads, OpenApiDocumentService ownDocuments,
                                     ObjectMapper json, dev.ascent.gateway.GatewayConfig config) {
        this.publicUrl = config.publicUrl();
        this.routes = routes;
        this.reads = reads;
        this.ownDocuments = ownDocuments;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One OpenAPI document for the whole public API (gateway and services), refreshed every minute")
    public Uni<JsonNode> document() {
        JsonNode hit = cached;
        if (hit != null && System.nanoTime() < cachedUntil) {
            return Uni.createFrom().item(hit);
        }
        // The gateway's own document, read in-process: its public port serves no /q/openapi.
        Uni<JsonNode> own = Uni.createFrom().item(() -> {
            try {
                return json.readTree(ownDocuments.getDocument(DEFAULT_DOCUMENT, Format.JSON));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<ServiceRoutes.Backend> services = List.copyOf(routes.all());
        List<Uni<Optional<JsonNode>>> docs = services.stream()
                .map(b -> reads.get(b, "/q/openapi?format=json", JsonNode.class).map(Optional::of)
                        .onFailure().recoverWithItem(Optional.empty()))
                .toList();
        return own.flatMap(gateway -> Uni.join().all(docs).andFailFast().map(found -> {
            Map<String, JsonNode> byService = new LinkedHashMap<>();
            List<String> unavailable = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                if (found.get(i).isPresent()) {
                    byService.put(services.get(i).name(), found.get(i).get());
                } else {
                    unavailable.add(services.get(i).name());
                }
            }
            com.fasterxml.jackson.databind.node.ObjectNode merged = PublicApiDocument.merge(gateway, byService,
                    unavailable, "1.0", publicUrl);
            // The document advertises what the gateway routes, and the other way round; say so when not.
            List<String> disagreements = RouteTable.PUBLIC_API.disagreements(merged.path("paths"), unavailable);
            if (!disagreements.isEmpty()) {
                var listed = merged.putArray("x-route-table-disagreements");
                disagreements.forEach(listed::add);
                if (warned.compareAndSet(false, true)) {
                    LOG.warnf("The route table and the merged OpenAPI document disagree: %s", disagreements);
                }
            }
            if (unavailable.isEmpty()) {
                cached = merged;
                cachedUntil = System.nanoTime() + FRESH_FOR.toNanos();
            }
            return merged;
        }));
    }
}
