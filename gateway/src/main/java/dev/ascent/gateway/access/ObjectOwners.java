package dev.ascent.gateway.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.gateway.report.ServiceReads;
import dev.ascent.gateway.routing.ServiceRoutes;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Finds whose an object is (an evidence item, a plan, an assessment) by reading it from the
 * service that owns it, so access is decided on the object and not on its guessable id.
 */
@Singleton
public class ObjectOwners {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceReads reads;
    private final ServiceRoutes routes;

    public ObjectOwners(ServiceReads reads, ServiceRoutes routes) {
        this.reads = reads;
        this.routes = routes;
    }

    /** The object at {@code uri}; a 404 (or an id that is no UUID) is a 404 problem, a failure a 503. */
    public Uni<JsonNode> ownerOf(String service, String uri) {
        String id = uri.substring(uri.lastIndexOf('/') + 1);
        if (AccessControl.uuid(id) == null) {
            return Uni.createFrom().failure(notFound(uri));
        }
        return reads.get(routes.named(service).orElseThrow(), uri, JsonNode.class)
                .onFailure().transform(e -> e instanceof ServiceReads.ServiceError se && (se.status == 404 || se.status == 400)
                        ? notFound(uri)
                        : new ApiProblem(503, "service-unavailable", "Service unavailable",
                                service + " is unavailable; try again shortly", List.of()));
    }

    static UUID uuidField(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() ? null : AccessControl.uuid(value.asText());
    }

    /** The {@code personId} of a JSON request body, or {@code null}. */
    static UUID personIdIn(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return uuidField(JSON.readTree(body), "personId");
        } catch (IOException e) {
            return null; // malformed: the service will say so
        }
    }

    private static ApiProblem notFound(String uri) {
        return new ApiProblem(404, "not-found", "Not found", "No resource at " + uri, List.of());
    }
}
