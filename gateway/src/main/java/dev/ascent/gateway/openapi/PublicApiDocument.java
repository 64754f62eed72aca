package dev.ascent.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the OpenAPI documents of the gateway and the services into one document for the public
 * API. Paths come from the service that answers them; schemas with the same name and the same
 * shape are kept once, and a schema whose name another service already uses for a different shape
 * is renamed with the service's name in front (its references follow). Pure: no I/O.
 */
public final class PublicApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublicApiDocument() {
    }

    /**
     * @param own      the gateway's own document
     * @param services each service's document, by service name (e.g. {@code evidence-service}); services
     *                 that could not be asked are absent and listed in {@code unavailable}
     * @param publicUrl where clients reach the gateway, the document's one server
     */
    public static ObjectNode merge(JsonNode own, Map<String, JsonNode> services, List<String> unavailable,
                                   String version, String publicUrl) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", own.path("openapi").asText("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Ascent public API");
        info.put("version", version);
        info.put("description", "Every call goes through the gateway under /api/v1 with a bearer token "
                + "(webhooks excepted: they carry their tool's signature). Errors are application/problem+json.");
        ObjectNode license = info.putObject("license");
        license.put("name", "Apache-2.0");
        license.put("identifier", "Apache-2.0");
        merged.putArray("servers").addObject().put("url", publicUrl).put("description", "the Ascent gateway");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = JSON.createObjectNode();
        Map<String, JsonNode> all = new LinkedHashMap<>();
        all.put("gateway", own);
        all.putAll(services);
        for (Map.Entry<String, JsonNode> entry : all.entrySet()) {
            JsonNode doc = renameConflicts(entry.getKey(), entry.getValue(), schemas);
            doc.path("paths").fields().forEachRemaining(path -> {
                if (path.getKey().startsWith("/api/")) {
                    paths.set(path.getKey(), path.getValue());
                }
            });
            doc.path("components").path("schemas").fields().forEachRemaining(s -> schemas.set(s.getKey(), s.getValue()));
        }
        ObjectNode components = merged.putObject("components");
        components.set("schemas", schemas);
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        ArrayNode security = merged.putArray("security");
        security.addObject().putArray("bearer");
        if (!unavailable.isEmpty()) {
            ArrayNode missing = merged.putArray("x-unavailable-services");
            unavailable.forEach(missing::add);
        }
        return merged;
    }

    /** A copy of {@code doc} whose schemas that clash with ones already taken carry the service's name. */
    private static JsonNode renameConflicts(String service, JsonNode doc, ObjectNode taken) {
        String text;
        try {
            text = JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Iterator<Map.Entry<String, JsonNode>> names = doc.path("components").path("schemas").fields();
        String prefix = toPascal(service);
        while (names.hasNext()) {
            Map.Entry<String, JsonNode> schema = names.next();
            JsonNode existing = taken.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                String renamed = prefix + schema.getKey();
                text = text.replace("\"#/components/schemas/" + schema.getKey() + "\"",
                                "\"#/components/schemas/" + renamed + "\"")
                        .replace("\"" + schema.getKey() + "\":{", "\"" + renamed + "\":{");
            }
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toPascal(String service) {
        StringBuilder out = new StringBuilder();
        for (String part : service.replace("-service", "").split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
