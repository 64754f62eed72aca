package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * Linear webhook payloads. Evidence: {@code type: "Issue"}, {@code action: "update"} with the
 * issue now in a state of type {@code completed}; the assignee did the work.
 */
final class LinearPayloads {

    private LinearPayloads() {
    }

    static IncomingEvent normalise(String deliveryId, JsonNode p, LocalDate today) {
        String type = Payloads.text(p, "type");
        String action = Payloads.text(p, "action");
        String eventType = (type == null ? "unknown" : type) + "." + action;
        JsonNode data = p.get("data");
        if (!"Issue".equals(type) || !"update".equals(action) || data == null || !data.isObject()) {
            return IncomingEvent.ignored(deliveryId, eventType, "Linear " + eventType + " is not used");
        }
        if (!"completed".equals(Payloads.text(data, "state", "type"))) {
            return IncomingEvent.ignored(deliveryId, "issue.updated", "issue is not in a completed state");
        }
        String identifier = Payloads.text(data, "identifier");
        String title = Payloads.text(data, "title");
        String user = Payloads.text(data, "assignee", "id");
        if (user == null) {
            user = Payloads.text(data, "assigneeId");
        }
        return new IncomingEvent(deliveryId, "issue.completed", null, user, Payloads.text(data, "assignee", "email"),
                Payloads.title(identifier == null ? title : identifier + " " + (title == null ? "" : title), "Linear issue"),
                Payloads.summary(Payloads.text(data, "description")),
                Payloads.url(Payloads.text(p, "url") != null ? Payloads.text(p, "url") : Payloads.text(data, "url")),
                Payloads.names(data.get("labels"), "name"), null, java.util.List.of(),
                Payloads.day(Payloads.text(data, "completedAt"), Payloads.dayOfMillis(p.get("webhookTimestamp"), today)));
    }
}
