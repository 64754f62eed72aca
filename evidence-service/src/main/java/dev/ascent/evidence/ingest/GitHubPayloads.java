package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * GitHub webhook payloads ({@code X-GitHub-Event} names the event). Evidence: a pull request
 * closed with {@code merged: true} (its author did the work), an issue closed as completed (its
 * assignee, else whoever closed it), a release published (its author). Anything else is
 * acknowledged and ignored.
 */
final class GitHubPayloads {

    private GitHubPayloads() {
    }

    static IncomingEvent normalise(String event, String deliveryId, JsonNode p, LocalDate today) {
        String action = Payloads.text(p, "action");
        String type = event == null ? "unknown" : event;
        switch (type) {
            case "pull_request" -> {
                JsonNode pr = p.get("pull_request");
                if (!"closed".equals(action) || pr == null) {
                    return IncomingEvent.ignored(deliveryId, "pull_request." + action, "pull request " + action + ", not merged");
                }
                if (!pr.path("merged").asBoolean(false)) {
                    return IncomingEvent.ignored(deliveryId, "pull_request.closed", "pull request closed without merging");
                }
                return new IncomingEvent(deliveryId, "pull_request.merged", null, Payloads.text(pr, "user", "login"),
                        Payloads.text(pr, "user", "email"),
                        Payloads.title(Payloads.text(pr, "title"), "Pull request merged"),
                        Payloads.summary(Payloads.text(pr, "body")), Payloads.url(Payloads.text(pr, "html_url")),
                        Payloads.names(pr.get("labels"), "name"), null, java.util.List.of(),
                        Payloads.day(Payloads.text(pr, "merged_at"), today));
            }
            case "issues" -> {
                JsonNode issue = p.get("issue");
                if (!"closed".equals(action) || issue == null) {
                    return IncomingEvent.ignored(deliveryId, "issues." + action, "issue " + action + ", not closed");
                }
                if ("not_planned".equals(Payloads.text(issue, "state_reason"))) {
                    return IncomingEvent.ignored(deliveryId, "issues.closed", "issue closed as not planned");
                }
                String user = Payloads.text(issue, "assignee", "login");
                return new IncomingEvent(deliveryId, "issues.closed", null,
                        user != null ? user : Payloads.text(p, "sender", "login"),
                        user != null ? Payloads.text(issue, "assignee", "email") : Payloads.text(p, "sender", "email"),
                        Payloads.title(Payloads.text(issue, "title"), "Issue closed"),
                        Payloads.summary(Payloads.text(issue, "body")), Payloads.url(Payloads.text(issue, "html_url")),
                        Payloads.names(issue.get("labels"), "name"), null, java.util.List.of(),
                        Payloads.day(Payloads.text(issue, "closed_at"), today));
            }
            case "release" -> {
                JsonNode release = p.get("release");
                if (!"published".equals(action) || release == null) {
                    return IncomingEvent.ignored(deliveryId, "release." + action, "release " + action + ", not published");
                }
                String name = Payloads.text(release, "name");
                return new IncomingEvent(deliveryId, "release.published", null, Payloads.text(release, "author", "login"),
                        Payloads.text(release, "author", "email"),
                        Payloads.title(name, "Release " + Payloads.text(release, "tag_name")),
                        Payloads.summary(Payloads.text(release, "body")), Payloads.url(Payloads.text(release, "html_url")),
                        java.util.List.of(), null, java.util.List.of(),
                        Payloads.day(Payloads.text(release, "published_at"), today));
            }
            default -> {
                return IncomingEvent.ignored(deliveryId, type, "GitHub event " + type + " is not used");
            }
        }
    }
}
