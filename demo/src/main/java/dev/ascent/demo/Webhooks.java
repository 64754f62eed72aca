package dev.ascent.demo;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deliveries as GitHub, Jira and Linear send them: the payload's fields evidence-service reads, the
 * delivery id header and an HMAC-SHA256 signature over the exact bytes sent. Delivery ids are
 * derived from a stable name, so running the demo again redelivers (a no-op) instead of adding.
 */
final class Webhooks {

    /** What to POST: the body bytes and the tool's headers. */
    record Delivery(byte[] body, Map<String, String> headers) {
    }

    private Webhooks() {
    }

    static String deliveryId(String name) {
        return UUID.nameUUIDFromBytes(("fernhill-demo/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** A merged pull request ({@code X-GitHub-Event: pull_request}, {@code X-Hub-Signature-256: sha256=…}). */
    static Delivery githubPullRequest(String secret, String name, String repo, int number, String login, String title,
                                      String body, List<String> labels, LocalDate mergedOn) {
        String at = mergedOn.atTime(15, 4).toInstant(ZoneOffset.UTC).toString();
        Map<String, Object> pr = new LinkedHashMap<>();
        pr.put("html_url", "https://github.com/" + repo + "/pull/" + number);
        pr.put("number", number);
        pr.put("state", "closed");
        pr.put("title", title);
        pr.put("user", Map.of("login", login, "type", "User"));
        pr.put("body", body);
        pr.put("labels", labels.stream().map(l -> Map.of("name", l)).toList());
        pr.put("created_at", mergedOn.minusDays(3).atTime(9, 30).toInstant(ZoneOffset.UTC).toString());
        pr.put("closed_at", at);
        pr.put("merged_at", at);
        pr.put("merged", true);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", "closed");
        payload.put("number", number);
        payload.put("pull_request", pr);
        payload.put("repository", Map.of("full_name", repo, "private", true));
        payload.put("sender", Map.of("login", login, "type", "User"));
        return github(secret, "pull_request", name, payload);
    }

    /** An issue closed as completed ({@code X-GitHub-Event: issues}). */
    static Delivery githubIssueClosed(String secret, String name, String repo, int number, String login, String title,
                                      List<String> labels, LocalDate closedOn) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("html_url", "https://github.com/" + repo + "/issues/" + number);
        issue.put("number", number);
        issue.put("title", title);
        issue.put("state", "closed");
        issue.put("state_reason", "completed");
        issue.put("assignee", Map.of("login", login));
        issue.put("labels", labels.stream().map(l -> Map.of("name", l)).toList());
        issue.put("closed_at", closedOn.atTime(11, 0).toInstant(ZoneOffset.UTC).toString());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", "closed");
        payload.put("issue", issue);
        payload.put("repository", Map.of("full_name", repo));
        payload.put("sender", Map.of("login", login));
        return github(secret, "issues", name, payload);
    }

    /** A release published ({@code X-GitHub-Event: release}). */
    static Delivery githubRelease(String secret, String name, String repo, String tag, String login, String title,
                                  String notes, LocalDate publishedOn) {
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("html_url", "https://github.com/" + repo + "/releases/tag/" + tag);
        release.put("tag_name", tag);
        release.put("name", title);
        release.put("body", notes);
        release.put("author", Map.of("login", login));
        release.put("published_at", publishedOn.atTime(16, 0).toInstant(ZoneOffset.UTC).toString());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", "published");
        payload.put("release", release);
        payload.put("repository", Map.of("full_name", repo));
        payload.put("sender", Map.of("login", login));
        return github(secret, "release", name, payload);
    }

    private static Delivery github(String secret, String event, String name, Map<String, Object> payload) {
        byte[] body = Api.json(payload);
        return new Delivery(body, Map.of("Content-Type", "application/json", "X-GitHub-Event", event,
                "X-GitHub-Delivery", deliveryId("github/" + name),
                "X-Hub-Signature-256", "sha256=" + hmacHex(secret, body)));
    }

    /**
     * A Jira Cloud issue event: {@code jira:issue_updated} moving the status to a done-category
     * status, or {@code jira:issue_created}. Signed {@code X-Hub-Signature: sha256=…}.
     */
    static Delivery jiraIssue(String secret, String name, String event, String site, String key, String accountId,
                              String summary, String issueType, List<String> labels, LocalDate on) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("summary", summary);
        fields.put("issuetype", Map.of("name", issueType));
        fields.put("labels", labels);
        // Customer-facing work is recognised by a customer team's component as well as its label.
        fields.put("components", labels.contains("customer-facing") ? List.of(Map.of("name", "Customer Success")) : List.of());
        fields.put("assignee", Map.of("accountId", accountId));
        if (event.equals("jira:issue_created")) {
            // a new issue is its author's work: evidence-service credits the creator, not the assignee
            fields.put("creator", Map.of("accountId", accountId));
            fields.put("reporter", Map.of("accountId", accountId));
        }
        fields.put("status", Map.of("name", "Done", "statusCategory", Map.of("key", "done")));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("timestamp", on.atTime(14, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
        payload.put("webhookEvent", event);
        payload.put("issue", Map.of("key", key, "self", "https://" + site + "/rest/api/3/issue/" + key, "fields", fields));
        if (event.equals("jira:issue_updated")) {
            payload.put("changelog", Map.of("items", List.of(Map.of("field", "status", "fromString", "In Progress",
                    "toString", "Done"))));
        }
        byte[] body = Api.json(payload);
        return new Delivery(body, Map.of("Content-Type", "application/json",
                "X-Atlassian-Webhook-Identifier", deliveryId("jira/" + name),
                "X-Hub-Signature", "sha256=" + hmacHex(secret, body)));
    }

    /**
     * A Linear issue moved to a completed state. {@code webhookTimestamp} is now (evidence-service
     * refuses old ones as replays); signed {@code Linear-Signature: <hex>}.
     */
    static Delivery linearIssueCompleted(String secret, String name, String identifier, String userId, String title,
                                         List<String> labels, LocalDate completedOn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identifier", identifier);
        data.put("title", title);
        data.put("assignee", Map.of("id", userId));
        data.put("state", Map.of("name", "Done", "type", "completed"));
        data.put("labels", labels.stream().map(l -> Map.of("name", l)).toList());
        data.put("completedAt", completedOn.atTime(10, 15).toInstant(ZoneOffset.UTC).toString());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", "update");
        payload.put("type", "Issue");
        payload.put("data", data);
        payload.put("url", "https://linear.app/fernhill/issue/" + identifier);
        payload.put("webhookTimestamp", System.currentTimeMillis());
        byte[] body = Api.json(payload);
        return new Delivery(body, Map.of("Content-Type", "application/json", "Linear-Delivery", deliveryId("linear/" + name),
                "Linear-Signature", hmacHex(secret, body)));
    }
}
