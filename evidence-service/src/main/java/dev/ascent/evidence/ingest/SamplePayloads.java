package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ascent.evidence.integration.SourceKind;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a pasted sample payload the way the webhook (or the generic batch) would, without storing
 * anything: the mapping-rule dry run shows admins what an event becomes before a real one arrives.
 */
public final class SamplePayloads {

    private SamplePayloads() {
    }

    /**
     * @param event GitHub's event name (its {@code X-GitHub-Event} header); the other tools name the
     *              event in the payload, so it is ignored for them
     */
    public static IncomingEvent normalise(SourceKind kind, String event, JsonNode payload, LocalDate today) {
        if (payload == null || !payload.isObject()) {
            throw ApiProblem.invalidField("payload", "must be a JSON object");
        }
        return switch (kind) {
            case GITHUB -> {
                if (event == null || event.isBlank()) {
                    throw ApiProblem.invalidField("event", "GitHub's event name (pull_request, issues, release) is required");
                }
                yield GitHubPayloads.normalise(event.trim(), "dry-run", payload, today);
            }
            case JIRA -> JiraPayloads.normalise("dry-run", payload, today);
            case LINEAR -> LinearPayloads.normalise("dry-run", payload, today);
            case GENERIC -> {
                List<Problem.Violation> violations = new ArrayList<>();
                IncomingEvent e = GenericBatch.event(payload, "payload", violations);
                if (!violations.isEmpty()) {
                    throw ApiProblem.invalidFields(violations);
                }
                yield e;
            }
        };
    }
}
