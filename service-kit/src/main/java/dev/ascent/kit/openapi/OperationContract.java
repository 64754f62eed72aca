package dev.ascent.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes every operation of a service's OpenAPI document a contract clients can generate code from:
 * an {@code operationId} (derived from method and path where the resource names none, so it is
 * unique and stable across services) and the problem responses the kit itself gives on every route:
 * 400 for bad input, 401 without the gateway's token, 413 for a body over the limit, 503 while the
 * database is down, all {@code application/problem+json}. Responses an operation documents itself
 * are kept. Paths outside {@code /api/} are left alone.
 */
public class OperationContract implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(VIOLATION, violationSchema());
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            path.getValue().getOperations().forEach((method, operation) ->
                    complete(method.name(), path.getKey(), operation));
        }
    }

    static void complete(String method, String path, Operation operation) {
        if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
            operation.setOperationId(operationId(method, path));
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (takesInput) {
            addIfAbsent(responses, "400", "The request is invalid; `violations` names each field");
        }
        addIfAbsent(responses, "401", "No valid credentials");
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "413", "The request body is over the limit");
        }
        addIfAbsent(responses, "503", "A service or the database this call needs cannot answer; retry after `Retry-After`");
    }

    /** {@code GET /api/v1/people/{id}/readiness} becomes {@code getPeopleByIdReadiness}. */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals("api") || segment.matches("v\\d+")) {
                continue;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By").append(pascal(segment.substring(1, segment.length() - 1)));
            } else {
                id.append(pascal(segment));
            }
        }
        return id.toString();
    }

    private static String pascal(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.split("[-_.]")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        responses.addAPIResponse(status, response);
    }

    /** The same names as the {@code Problem} and {@code Violation} records, so a resource that names them agrees. */
    private static Schema violationSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", string("Where in the request, such as `events[3].title`"))
                .addProperty("message", string("What is wrong with it"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem document")
                .addProperty("type", string("Stable and machine-readable, such as `urn:ascent:problem:validation-failed`"))
                .addProperty("title", string("A short summary"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("Written for a person"))
                .addProperty("instance", string("The path of the request"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + VIOLATION)))
                .required(List.of("type", "title", "status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
