package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * Linear webhook payloads ({@code type: "Issue"}), each credited to the person whose work it
 * records: {@code action: "create"} ({@code issue.created}) to the creator, who wrote it;
 * {@code action: "update"} with the issue now in a state of type {@code completed}
 * ({@code issue.completed}) to the assignee, who did it. An event that an app or integration sent
 * (the payload's {@code actor} is not of type {@code user}, or the issue names a {@code botActor})
 * is ignored.
 */
final class LinearPayloads {

    private LinearPayloads() {
    }

    static IncomingEvent normalise(String deliveryId, JsonNode p, LocalDate today) {
        String type = Payloads.text(p, "type");
        String action = Payloads.text(p, "action");
        String eventType = (type == null ? "unknown" : type) + "." + action;
        JsonNode data = p.get("data");
        if (!"Issue".equals(type) || !("update".equals(action) || "create".equals(action)) || data == null
                || !data.isObject()) {
            return IncomingEvent.ignored(deliveryId, eventType, "Linear " + eventType + " is not used");
        }
        String identifier = Payloads.text(data, "identifier");
        String title = Payloads.title(identifier == null ? Payloads.text(data, "title")
                : identifier + " " + (Payloads.text(data, "title") == null ? "" : Payloads.text(data, "title")), "Linear issue");
        String url = Payloads.url(Payloads.text(p, "url") != null ? Payloads.text(p, "url") : Payloads.text(data, "url"));
        LocalDate sent = Payloads.dayOfMillis(p.get("webhookTimestamp"), today);
        if ("create".equals(action)) {
            String bot = botReason(p, data);
            if (bot != null) {
                return IncomingEvent.ignored(deliveryId, "issue.created", bot);
            }
            String user = Payloads.text(data, "creatorId");
            if (user == null) {
                user = Payloads.text(data, "creator", "id");
            }
            if (user == null) {
                user = Payloads.text(p, "actor", "id");
            }
            String email = Payloads.text(data, "creator", "email");
            return new IncomingEvent(deliveryId, "issue.created", null, user,
                    email != null ? email : Payloads.text(p, "actor", "email"), title,
                    Payloads.summary(Payloads.text(data, "description")), url,
                    Payloads.names(data.get("labels"), "name"), null, java.util.List.of(),
                    Payloads.day(Payloads.text(data, "createdAt"), sent));
        }
        if (!"completed".equals(Payloads.text(data, "state", "type"))) {
            return IncomingEvent.ignored(deliveryId, "issue.updated", "issue is not in a completed state");
        }
        String user = Payloads.text(data, "assignee", "id");
        if (user == null) {
            user = Payloads.text(data, "assigneeId");
        }
        return new IncomingEvent(deliveryId, "issue.completed", null, user, Payloads.text(data, "assignee", "email"),
                title, Payloads.summary(Payloads.text(data, "description")), url,
                Payloads.names(data.get("labels"), "name"), null, java.util.List.of(),
                Payloads.day(Payloads.text(data, "completedAt"), sent));
    }

    /** Why the event is an app's, not a person's; {@code null} when a person sent it. */
    private static String botReason(JsonNode p, JsonNode data) {
        String actorType = Payloads.text(p, "actor", "type");
        if (actorType != null && !"user".equalsIgnoreCase(actorType)) {
            return "created by the " + actorType + " " + Payloads.text(p, "actor", "name")
                    + ": automation is nobody's evidence";
        }
        JsonNode botActor = data.get("botActor");
        if (botActor != null && botActor.isObject()) {
            return "created by the integration " + Payloads.text(botActor, "name") + ": automation is nobody's evidence";
        }
        return null;
    }
}
