package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * GitHub webhook payloads ({@code X-GitHub-Event} names the event). Evidence: a pull request
 * closed with {@code merged: true} (its author did the work), an issue opened (its author wrote it:
 * {@code issues.opened}), an issue closed as completed (its assignee, else whoever closed it), a
 * release published (its author). An event whose credited person is a bot (account {@code type}
 * {@code Bot}, or a login ending in {@code [bot]}) is ignored, and so is a release that a bot
 * published or sent: automation earns nobody credit. Anything else is acknowledged and ignored.
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
                if (isBot(pr.get("user"))) {
                    return IncomingEvent.ignored(deliveryId, "pull_request.merged", botReason("opened", pr.get("user")));
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
                if ("opened".equals(action) && issue != null) {
                    JsonNode author = issue.get("user");
                    if (isBot(author)) {
                        return IncomingEvent.ignored(deliveryId, "issues.opened", botReason("opened", author));
                    }
                    return issueEvent(deliveryId, "issues.opened", author, issue, "Issue opened", "created_at", today);
                }
                if (!"closed".equals(action) || issue == null) {
                    return IncomingEvent.ignored(deliveryId, "issues." + action, "issue " + action + ", not closed");
                }
                if ("not_planned".equals(Payloads.text(issue, "state_reason"))) {
                    return IncomingEvent.ignored(deliveryId, "issues.closed", "issue closed as not planned");
                }
                JsonNode credited = Payloads.text(issue, "assignee", "login") != null ? issue.get("assignee") : p.get("sender");
                if (isBot(credited)) {
                    return IncomingEvent.ignored(deliveryId, "issues.closed", botReason("closed", credited));
                }
                return issueEvent(deliveryId, "issues.closed", credited, issue, "Issue closed", "closed_at", today);
            }
            case "release" -> {
                JsonNode release = p.get("release");
                if (!"published".equals(action) || release == null) {
                    return IncomingEvent.ignored(deliveryId, "release." + action, "release " + action + ", not published");
                }
                for (JsonNode actor : new JsonNode[] {release.get("author"), p.get("sender")}) {
                    if (isBot(actor)) {
                        return IncomingEvent.ignored(deliveryId, "release.published", botReason("published", actor));
                    }
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

    /** A GitHub account that is an app or automation: {@code type: "Bot"}, or a login ending in {@code [bot]}. */
    /** An issue event credited to {@code credited}, dated by the issue's {@code dateField}. */
    private static IncomingEvent issueEvent(String deliveryId, String type, JsonNode credited, JsonNode issue,
                                            String fallbackTitle, String dateField, LocalDate today) {
        return new IncomingEvent(deliveryId, type, null, Payloads.text(credited, "login"), Payloads.text(credited, "email"),
                Payloads.title(Payloads.text(issue, "title"), fallbackTitle),
                Payloads.summary(Payloads.text(issue, "body")), Payloads.url(Payloads.text(issue, "html_url")),
                Payloads.names(issue.get("labels"), "name"), null, java.util.List.of(),
                Payloads.day(Payloads.text(issue, dateField), today));
    }

    static boolean isBot(JsonNode account) {
        if (account == null || !account.isObject()) {
            return false;
        }
        String login = Payloads.text(account, "login");
        return "Bot".equalsIgnoreCase(Payloads.text(account, "type"))
                || login != null && login.toLowerCase(java.util.Locale.ROOT).endsWith("[bot]");
    }

    private static String botReason(String verb, JsonNode account) {
        return verb + " by the bot " + Payloads.text(account, "login") + ": automation is nobody's evidence";
    }
}
