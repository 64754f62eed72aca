package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * Jira Cloud webhook payloads. Evidence: {@code jira:issue_updated} whose changelog moves the
 * status and whose status is now in the "done" category; {@code jira:issue_created} (the rules
 * decide whether a new issue, e.g. a customer interview, is evidence). The assignee did the
 * work (else the reporter).
 */
final class JiraPayloads {

    private JiraPayloads() {
    }

    static IncomingEvent normalise(String deliveryId, JsonNode p, LocalDate today) {
        String webhookEvent = Payloads.text(p, "webhookEvent");
        JsonNode issue = p.get("issue");
        if (webhookEvent == null || issue == null || !issue.isObject()) {
            return IncomingEvent.ignored(deliveryId, webhookEvent == null ? "unknown" : webhookEvent,
                    "not an issue event");
        }
        String eventType;
        if ("jira:issue_updated".equals(webhookEvent)) {
            boolean statusChanged = false;
            for (JsonNode item : p.path("changelog").path("items")) {
                if ("status".equalsIgnoreCase(item.path("field").asText())) {
                    statusChanged = true;
                }
            }
            String category = Payloads.text(issue, "fields", "status", "statusCategory", "key");
            if (!statusChanged) {
                return IncomingEvent.ignored(deliveryId, "issue.updated", "issue updated without a status change");
            }
            if (!"done".equals(category)) {
                return IncomingEvent.ignored(deliveryId, "issue.updated", "issue moved to a status that is not done");
            }
            eventType = "issue.done";
        } else if ("jira:issue_created".equals(webhookEvent)) {
            eventType = "issue.created";
        } else {
            return IncomingEvent.ignored(deliveryId, webhookEvent, "Jira event " + webhookEvent + " is not used");
        }
        JsonNode fields = issue.path("fields");
        String person = fields.hasNonNull("assignee") ? "assignee" : "reporter";
        String user = Payloads.text(fields, person, "accountId");
        String email = Payloads.text(fields, person, "emailAddress");
        String key = Payloads.text(issue, "key");
        String self = Payloads.text(issue, "self");
        String url = null;
        if (self != null && key != null) {
            int rest = self.indexOf("/rest/");
            url = rest > 0 ? self.substring(0, rest) + "/browse/" + key : null;
        }
        String summary = Payloads.text(fields, "summary");
        return new IncomingEvent(deliveryId, eventType, null, user, email,
                Payloads.title(key == null ? summary : key + " " + (summary == null ? "" : summary), "Jira issue"),
                Payloads.summary(Payloads.text(fields, "description")), Payloads.url(url),
                Payloads.names(fields.get("labels"), "name"), Payloads.text(fields, "issuetype", "name"),
                Payloads.names(fields.get("components"), "name"), Payloads.dayOfMillis(p.get("timestamp"), today));
    }
}
