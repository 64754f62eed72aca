package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.RejectedInput;
import dev.ascent.kit.problem.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generic batch format: a JSON array, or NDJSON (one event per line), of events
 * <pre>{ "externalId": "TCK-1042", "type": "ticket.done", "occurredAt": "2026-10-02T14:00:00Z",
 *   "actorEmail": "ada@example.com", "title": "…", "summary": "…", "url": "https://…", "labels": [],
 *   "issueType": "…", "components": [] }</pre>
 * {@code externalId} (the integrator's own id for the event, unique per source), {@code type},
 * {@code occurredAt} (a timestamp or a date), {@code actorEmail} and {@code title} are required; any
 * other field is refused, so a misspelt one is not lost silently. An {@code externalId} may appear
 * once per batch (a later batch repeating one is acknowledged as a duplicate by the store). Every
 * problem of every event is reported at once, as {@code events[i].field}; one bad event rejects the
 * whole batch.
 */
final class GenericBatch {

    static final int MAX_EXTERNAL_ID = 200;

    /** Every field an event may have. */
    static final Set<String> FIELDS = Set.of("externalId", "type", "occurredAt", "actorEmail", "title", "summary", "url",
            "labels", "issueType", "components");

    private GenericBatch() {
    }

    /** An unknown field's name as a problem repeats it: at most 100 characters. */
    private static String shortened(String name) {
        return name.length() <= 100 ? name : name.substring(0, 99) + "…";
    }

    static List<IncomingEvent> parse(ObjectMapper json, byte[] body, boolean ndjson, int maxEvents) {
        List<JsonNode> nodes = ndjson ? lines(json, body) : array(json, body);
        if (nodes.isEmpty()) {
            throw ApiProblem.invalidField("events", "the batch has no events");
        }
        if (nodes.size() > maxEvents) {
            throw new ApiProblem(413, "batch-too-large", "Batch too large",
                    "A batch holds at most " + maxEvents + " events; this one has " + nodes.size(),
                    List.of(new Problem.Violation("events", "at most " + maxEvents + " events")));
        }
        List<Problem.Violation> violations = new ArrayList<>();
        List<IncomingEvent> events = new ArrayList<>(nodes.size());
        Map<String, Integer> firstOf = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            IncomingEvent event = event(nodes.get(i), "events[" + i + "]", violations);
            events.add(event);
            if (event != null && event.externalId() != null) {
                Integer first = firstOf.putIfAbsent(event.externalId(), i);
                if (first != null) {
                    violations.add(new Problem.Violation("events[" + i + "].externalId",
                            "repeats events[" + first + "].externalId"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "validation-failed", "Invalid request",
                    "The batch was rejected whole: " + violations.size() + " problem(s) in its events", violations);
        }
        return events;
    }

    static IncomingEvent event(JsonNode node, String at, List<Problem.Violation> violations) {
        if (!node.isObject()) {
            violations.add(new Problem.Violation(at, "must be an object"));
            return null;
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                violations.add(new Problem.Violation(at + "." + shortened(name), "unknown property"));
            }
        }
        String externalId = required(node, "externalId", MAX_EXTERNAL_ID, at, violations);
        String type = required(node, "type", 100, at, violations);
        String title = required(node, "title", Payloads.MAX_TITLE, at, violations);
        String email = required(node, "actorEmail", 320, at, violations);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            violations.add(new Problem.Violation(at + ".actorEmail", "must be an email address"));
        }
        String occurred = required(node, "occurredAt", 64, at, violations);
        LocalDate day = occurred == null ? null : Payloads.day(occurred, null);
        if (occurred != null && day == null) {
            violations.add(new Problem.Violation(at + ".occurredAt", "must be an ISO-8601 timestamp or date between the years 1 and 9999"));
        }
        String summary = optional(node, "summary", Payloads.MAX_SUMMARY, at, violations);
        String url = optional(node, "url", 2000, at, violations);
        if (url != null && Payloads.url(url) == null) {
            violations.add(new Problem.Violation(at + ".url", "must be an http or https URL"));
        }
        String issueType = optional(node, "issueType", 200, at, violations);
        List<String> labels = strings(node, "labels", at, violations);
        List<String> components = strings(node, "components", at, violations);
        return new IncomingEvent(null, externalId, type, null, email, null, title, summary, url, labels, issueType,
                components, day);
    }

    private static String required(JsonNode node, String field, int max, String at, List<Problem.Violation> violations) {
        String value = optional(node, field, max, at, violations);
        if (value == null && !violations.isEmpty() && violations.getLast().field().equals(at + "." + field)) {
            return null;
        }
        if (value == null || value.isBlank()) {
            violations.add(new Problem.Violation(at + "." + field, "is required"));
            return null;
        }
        return value.trim();
    }

    private static String optional(JsonNode node, String field, int max, String at, List<Problem.Violation> violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Problem.Violation(at + "." + field, "must be a string"));
            return null;
        }
        if (value.asText().length() > max) {
            violations.add(new Problem.Violation(at + "." + field, "must be at most " + max + " characters"));
            return null;
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    private static List<String> strings(JsonNode node, String field, String at, List<Problem.Violation> violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > 50) {
            violations.add(new Problem.Violation(at + "." + field, "must be a list of at most 50 strings"));
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                violations.add(new Problem.Violation(at + "." + field + "[" + i + "]", "must be a string"));
            } else {
                strings.add(value.get(i).asText());
            }
        }
        return strings;
    }

    private static List<JsonNode> array(ObjectMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (RejectedInput e) {
            throw e.asProblem("events");
        } catch (IOException e) {
            throw malformed("The request body is not valid JSON");
        }
        if (root == null || !root.isArray()) {
            throw malformed("The request body must be a JSON array of events (or NDJSON, one event per line)");
        }
        List<JsonNode> nodes = new ArrayList<>(root.size());
        root.forEach(nodes::add);
        return nodes;
    }

    private static List<JsonNode> lines(ObjectMapper json, byte[] body) {
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
        List<JsonNode> nodes = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                nodes.add(json.readTree(lines[i]));
            } catch (RejectedInput e) {
                throw e.asProblem("events[" + nodes.size() + "]");
            } catch (JsonProcessingException e) {
                throw malformed("Line " + (i + 1) + " of the NDJSON body is not valid JSON");
            }
        }
        return nodes;
    }

    static ApiProblem malformed(String detail) {
        return new ApiProblem(400, "malformed-json", "Malformed JSON", detail, List.of());
    }
}
