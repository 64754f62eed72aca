package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

/**
 * Jira Cloud webhook payloads, each credited to the person whose work it records:
 * <ul>
 *   <li>{@code jira:issue_created} ({@code issue.created}): whoever wrote the issue, its creator (else
 *       the user who sent the event, else the reporter), not the assignee who will build it;</li>
 *   <li>{@code jira:issue_updated} whose changelog moves the status into the "done" category
 *       ({@code issue.done}): the assignee did the work (else the reporter);</li>
 *   <li>{@code comment_created} ({@code comment.created}): the comment's author; the rules decide which
 *       comments count (one that records a decision);</li>
 *   <li>{@code jira:version_released} ({@code version.released}): the user who released it, when the
 *       payload names one.</li>
 * </ul>
 * An event credited to an app account ({@code accountType: "app"}: automation, integrations) is
 * ignored. The rules decide whether what is left is evidence.
 */
final class JiraPayloads {

    private JiraPayloads() {
    }

    static IncomingEvent normalise(String deliveryId, JsonNode p, LocalDate today) {
        String webhookEvent = Payloads.text(p, "webhookEvent");
        if ("jira:version_released".equals(webhookEvent)) {
            return version(deliveryId, p, today);
        }
        JsonNode issue = p.get("issue");
        if (webhookEvent == null || issue == null || !issue.isObject()) {
            return IncomingEvent.ignored(deliveryId, webhookEvent == null ? "unknown" : webhookEvent,
                    "not an issue event");
        }
        JsonNode fields = issue.path("fields");
        String eventType;
        JsonNode credited;
        String body = Payloads.text(fields, "description");
        String commentId = null;
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
            credited = fields.hasNonNull("assignee") ? fields.get("assignee") : fields.get("reporter");
        } else if ("jira:issue_created".equals(webhookEvent)) {
            eventType = "issue.created";
            credited = first(fields.get("creator"), p.get("user"), fields.get("reporter"));
        } else if ("comment_created".equals(webhookEvent)) {
            JsonNode comment = p.get("comment");
            if (comment == null || !comment.isObject()) {
                return IncomingEvent.ignored(deliveryId, "comment.created", "comment event without a comment");
            }
            eventType = "comment.created";
            credited = comment.get("author");
            body = Payloads.text(comment, "body");
            commentId = Payloads.text(comment, "id");
        } else {
            return IncomingEvent.ignored(deliveryId, webhookEvent, "Jira event " + webhookEvent + " is not used");
        }
        if (isApp(credited)) {
            return IncomingEvent.ignored(deliveryId, eventType, appReason(credited));
        }
        String key = Payloads.text(issue, "key");
        String self = Payloads.text(issue, "self");
        String url = null;
        if (self != null && key != null) {
            int rest = self.indexOf("/rest/");
            url = rest > 0 ? self.substring(0, rest) + "/browse/" + key
                    + (commentId == null ? "" : "?focusedCommentId=" + commentId) : null;
        }
        String summary = Payloads.text(fields, "summary");
        return new IncomingEvent(deliveryId, eventType, null, Payloads.text(credited, "accountId"),
                Payloads.text(credited, "emailAddress"),
                Payloads.title(key == null ? summary : key + " " + (summary == null ? "" : summary), "Jira issue"),
                Payloads.summary(body), Payloads.url(url),
                Payloads.names(fields.get("labels"), "name"), Payloads.text(fields, "issuetype", "name"),
                Payloads.names(fields.get("components"), "name"), Payloads.dayOfMillis(p.get("timestamp"), today));
    }

    /** A version released: credited to the user the payload names; Jira's own payload often names none. */
    private static IncomingEvent version(String deliveryId, JsonNode p, LocalDate today) {
        JsonNode version = p.get("version");
        JsonNode user = p.get("user");
        if (version == null || !version.isObject()) {
            return IncomingEvent.ignored(deliveryId, "version.released", "version event without a version");
        }
        if (Payloads.text(user, "accountId") == null && Payloads.text(user, "emailAddress") == null) {
            return IncomingEvent.ignored(deliveryId, "version.released",
                    "the payload names nobody who released the version");
        }
        if (isApp(user)) {
            return IncomingEvent.ignored(deliveryId, "version.released", appReason(user));
        }
        String name = Payloads.text(version, "name");
        return new IncomingEvent(deliveryId, "version.released", null, Payloads.text(user, "accountId"),
                Payloads.text(user, "emailAddress"), Payloads.title(name == null ? null : "Version " + name + " released",
                        "Jira version released"),
                Payloads.summary(Payloads.text(version, "description")), null, List.of(), null, List.of(),
                Payloads.day(Payloads.text(version, "releaseDate"), Payloads.dayOfMillis(p.get("timestamp"), today)));
    }

    private static JsonNode first(JsonNode... accounts) {
        for (JsonNode a : accounts) {
            if (a != null && a.isObject() && (a.hasNonNull("accountId") || a.hasNonNull("emailAddress"))) {
                return a;
            }
        }
        return null;
    }

    /** An Atlassian account that is an app (automation, an integration), not a person. */
    static boolean isApp(JsonNode account) {
        return "app".equalsIgnoreCase(Payloads.text(account, "accountType"));
    }

    private static String appReason(JsonNode account) {
        String name = Payloads.text(account, "displayName");
        return "sent by the app account " + (name == null ? Payloads.text(account, "accountId") : name)
                + ": automation is nobody's evidence";
    }
}
