package dev.ascent.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A month of a product manager's work and of an engineer's on the same team, as their tools report
 * it: Jira, Linear and GitHub webhooks (signed as each tool signs) and a batch from document, calendar
 * and CRM tools, through the gateway, filed by the rules that ship with Ascent. The PM's month shows
 * on the competencies a reviewer would look for; the engineer's month, which includes the tickets the
 * PM wrote and releases a workflow published, shows delivery and makes nobody a PM. The payloads are
 * in {@code pm-month/}.
 */
class ProductManagerMonthStoryTest extends ApiStory {

    private static final String PM_EMAIL = "priya@month.example";
    private static final String PM_JIRA = "712020:priya-month";
    private static final String ENGINEER_JIRA = "712020:sam-month";
    private static final String PM_LINEAR = "9b1f7c2e-0000-4000-8000-00000000a001";
    private static final String ENGINEER_LINEAR = "9b1f7c2e-0000-4000-8000-00000000b002";
    private static final String PM_GITHUB = "priya-pm";
    private static final String ENGINEER_GITHUB = "sam-builds";


    @Test
    void aProductManagersMonthShowsOnProductCompetenciesAndAnEngineersDoesNot() {
        String admin = platform.bearer("admin@month.example", "admin@month.example", "admin");
        String priya = as(admin).body(Map.of("name", "Priya Product", "email", PM_EMAIL, "level", "PM"))
                .post("/api/v1/people").then().statusCode(201).extract().path("id");
        String sam = as(admin).body(Map.of("name", "Sam Builder", "email", "sam@month.example", "level", "APM"))
                .post("/api/v1/people").then().statusCode(201).extract().path("id");

        Source jira = source(admin, "JIRA");
        Source linear = source(admin, "LINEAR");
        Source github = source(admin, "GITHUB");
        Source docs = source(admin, "GENERIC");
        link(admin, jira, PM_JIRA, priya);
        link(admin, jira, ENGINEER_JIRA, sam);
        link(admin, linear, PM_LINEAR, priya);
        link(admin, linear, ENGINEER_LINEAR, sam);
        link(admin, github, PM_GITHUB, priya);
        link(admin, github, ENGINEER_GITHUB, sam);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String millis = Long.toString(System.currentTimeMillis());

        // ---- Jira: the PM writes the epic and the story, decides in a comment, finishes her research ----
        jira(jira, fixture("jira-issue-created.json", Map.of("timestamp", millis, "author", PM_JIRA, "authorName", "Priya",
                "assignee", ENGINEER_JIRA, "id", "10070", "key", "SHOP-70", "summary", "Reorder for repeat buyers",
                "description", "Repeat buyers rebuild carts by hand; this epic lets them start from what they bought.",
                "issueType", "Epic"))).body("outcome", equalTo("EVIDENCE"));
        jira(jira, fixture("jira-issue-created.json", Map.of("timestamp", millis, "author", PM_JIRA, "authorName", "Priya",
                "assignee", ENGINEER_JIRA, "id", "10071", "key", "SHOP-71", "summary", "Reorder from the order history page",
                "description", "Acceptance: one click from any past order fills the cart; items no longer sold are named.",
                "issueType", "Story"))).body("outcome", equalTo("EVIDENCE"));
        jira(jira, fixture("jira-comment-created.json", Map.of("timestamp", millis, "author", PM_JIRA, "commentId", "30001",
                "id", "10071", "key", "SHOP-71", "summary", "Reorder from the order history page",
                "body", "Decision: history reorder ships first; saved carts wait for the Q1 interviews.")))
                .body("outcome", equalTo("EVIDENCE"));
        jira(jira, fixture("jira-issue-done.json", Map.of("timestamp", millis, "author", PM_JIRA, "assignee", PM_JIRA,
                "id", "10066", "key", "SHOP-66", "summary", "Interview five procurement leads about repeat orders",
                "description", "Notes and the three patterns we saw are on the research board.", "issueType", "Task",
                "labels", "\"customer-discovery\""))).body("outcome", equalTo("EVIDENCE"));

        // ---- Jira: the engineer builds the PM's story, opens a bug, comments ----
        jira(jira, fixture("jira-issue-done.json", Map.of("timestamp", millis, "author", PM_JIRA, "assignee", ENGINEER_JIRA,
                "id", "10071", "key", "SHOP-71", "summary", "Reorder from the order history page",
                "description", "Acceptance: one click from any past order fills the cart.", "issueType", "Story",
                "labels", ""))).body("outcome", equalTo("EVIDENCE"));
        jira(jira, fixture("jira-issue-created.json", Map.of("timestamp", millis, "author", ENGINEER_JIRA, "authorName", "Sam",
                "assignee", ENGINEER_JIRA, "id", "10075", "key", "SHOP-75", "summary", "Cart total off by a cent on refunds",
                "description", "Rounding happens before the discount.", "issueType", "Bug")))
                .body("outcome", equalTo("IGNORED"));
        jira(jira, fixture("jira-comment-created.json", Map.of("timestamp", millis, "author", ENGINEER_JIRA, "commentId", "30002",
                "id", "10071", "key", "SHOP-71", "summary", "Reorder from the order history page",
                "body", "Pushed the fix for the flaky cart test, ready for review.")))
                .body("outcome", equalTo("IGNORED"));

        // ---- Linear: the PM writes a feature issue, the engineer completes another ----
        String created = today.minusDays(20) + "T09:00:00.000Z";
        linear(linear, fixture("linear-issue.json", Map.ofEntries(Map.entry("action", "create"), Map.entry("timestamp", millis),
                Map.entry("webhookId", UUID.randomUUID().toString()), Map.entry("actor", PM_LINEAR),
                Map.entry("identifier", "ENG-231"), Map.entry("title", "Bulk edit for delivery addresses"),
                Map.entry("description", "Buyers with forty sites edit addresses one at a time. Done when one change covers many."),
                Map.entry("createdAt", created), Map.entry("completedAt", "null"), Map.entry("creator", PM_LINEAR),
                Map.entry("assignee", ENGINEER_LINEAR), Map.entry("stateName", "Backlog"), Map.entry("stateType", "backlog"),
                Map.entry("label", "Feature")))).body("outcome", equalTo("EVIDENCE"));
        linear(linear, fixture("linear-issue.json", Map.ofEntries(Map.entry("action", "update"), Map.entry("timestamp", millis),
                Map.entry("webhookId", UUID.randomUUID().toString()), Map.entry("actor", ENGINEER_LINEAR),
                Map.entry("identifier", "ENG-240"), Map.entry("title", "Export timestamps follow RFC 3339"),
                Map.entry("description", "The CSV export wrote local times without an offset."),
                Map.entry("createdAt", created), Map.entry("completedAt", "\"" + today.minusDays(3) + "T16:00:00.000Z\""),
                Map.entry("creator", ENGINEER_LINEAR), Map.entry("assignee", ENGINEER_LINEAR), Map.entry("stateName", "Done"),
                Map.entry("stateType", "completed"), Map.entry("label", "Bug")))).body("outcome", equalTo("EVIDENCE"));

        // ---- GitHub: the PM opens an enhancement; the engineer merges, closes customer bugs; a workflow releases ----
        github(github, "issues", fixture("github-issue.json", Map.ofEntries(Map.entry("action", "opened"),
                Map.entry("number", "131"), Map.entry("title", "Saved carts for buyers who order monthly"),
                Map.entry("body", "Who: procurement buyers. Problem: the same cart every month. Done: order a saved cart in two clicks."),
                Map.entry("author", PM_GITHUB), Map.entry("label", "enhancement"), Map.entry("state", "open"),
                Map.entry("stateReason", "null"), Map.entry("assignee", ENGINEER_GITHUB),
                Map.entry("createdAt", today.minusDays(12) + "T10:00:00Z"), Map.entry("closedAt", "null"),
                Map.entry("sender", PM_GITHUB)))).body("outcome", equalTo("EVIDENCE"));
        github(github, "pull_request", fixture("github-pull-request-merged.json", Map.of("number", "1402",
                "title", "Fix rounding of refunds in cart totals", "body", "Customer-reported: totals off by a cent.",
                "author", ENGINEER_GITHUB, "mergedAt", today.minusDays(4) + "T15:00:00Z")))
                .body("outcome", equalTo("EVIDENCE"));
        github(github, "issues", fixture("github-issue.json", Map.ofEntries(Map.entry("action", "closed"),
                Map.entry("number", "127"), Map.entry("title", "Export drops the last row for a customer"),
                Map.entry("body", "Reported by a customer through support."), Map.entry("author", PM_GITHUB),
                Map.entry("label", "customer"), Map.entry("state", "closed"), Map.entry("stateReason", "\"completed\""),
                Map.entry("assignee", ENGINEER_GITHUB), Map.entry("createdAt", today.minusDays(9) + "T10:00:00Z"),
                Map.entry("closedAt", "\"" + today.minusDays(2) + "T10:00:00Z\""), Map.entry("sender", ENGINEER_GITHUB))))
                .body("outcome", equalTo("EVIDENCE"));
        github(github, "release", fixture("github-release-by-bot.json", Map.of("tag", "v4.3.0",
                "publishedAt", today.minusDays(1) + "T12:00:00Z")))
                .body("outcome", equalTo("IGNORED")).body("reason", containsString("github-actions[bot]"));

        // ---- documents, calendar and CRM, through the batch API, matched by email ----
        Map<String, String> days = new HashMap<>(Map.of("pm", PM_EMAIL));
        for (int d = 1; d <= 7; d++) {
            days.put("day" + d, today.minusDays(28 - 3L * d).toString());
        }
        String integration = platform.integrationBearer("docs-sync@month.example", docs.id());
        given().header("Authorization", integration).contentType(ContentType.JSON)
                .header("Idempotency-Key", "month-" + UUID.randomUUID())
                .body(fixture("pm-batch.json", days)).post("/api/v1/ingest/{id}/events", docs.id())
                .then().statusCode(202).body("received", equalTo(8)).body("evidence", equalTo(8));

        // What a reviewer would expect of a PM's month, and nothing of an engineer's on product work.
        List<Evidence> pmEvidence = evidenceOf(admin, priya);
        assertThat(pmEvidence).hasSize(14).allSatisfy(e -> assertThat(e.status()).isEqualTo("SUGGESTED"));
        assertThat(competencies(pmEvidence)).containsExactlyInAnyOrder("product-craft", "customer-discovery",
                "product-strategy", "strategic-communication", "clarity-amid-chaos", "influence", "customer-facing",
                "business-acumen", "data-experimentation", "cross-team-relationships");
        assertThat(titled(pmEvidence, "SHOP-71 Reorder from the order history page"))
                .as("the story she wrote, and the decision in its comments")
                .extracting(Evidence::kind).containsExactlyInAnyOrder("OTHER", "DECISION_CLARIFIED");
        assertThat(titled(pmEvidence, "Discovery call with Initech, joined the account executive"))
                .extracting(Evidence::competencies).containsExactly(List.of("customer-facing"));

        List<Evidence> engineerEvidence = evidenceOf(admin, sam);
        assertThat(engineerEvidence).hasSize(4);
        assertThat(competencies(engineerEvidence)).containsExactly("execution-delivery")
                .doesNotContain("customer-discovery", "product-strategy", "product-craft", "customer-facing",
                        "business-acumen", "strategic-communication");
    }

    // ---- helpers ----

    record Source(String id, String secret) {
    }

    record Evidence(String title, String kind, List<String> competencies, String status) {
    }

    private static Source source(String admin, String kind) {
        JsonPath created = as(admin).body(Map.of("kind", kind, "name", kind.toLowerCase() + " (month)"))
                .post("/api/v1/integrations").then().statusCode(201).extract().jsonPath();
        return new Source(created.getString("id"), created.getString("secret"));
    }

    private static void link(String admin, Source source, String externalId, String person) {
        as(admin).body(Map.of("externalId", externalId, "personId", person))
                .post("/api/v1/integrations/{id}/identity-links", source.id()).then().statusCode(201);
    }

    private static List<Evidence> evidenceOf(String admin, String person) {
        JsonPath page = as(admin).queryParam("personId", person).queryParam("limit", 200).get("/api/v1/evidence")
                .then().statusCode(200).extract().jsonPath();
        return page.getList("items", Map.class).stream()
                .map(m -> new Evidence((String) m.get("title"), (String) m.get("kind"),
                        ((List<?>) m.get("competencies")).stream().map(Object::toString).toList(), (String) m.get("status")))
                .toList();
    }

    private static Set<String> competencies(List<Evidence> evidence) {
        Set<String> codes = new TreeSet<>();
        evidence.forEach(e -> codes.addAll(e.competencies()));
        return codes;
    }

    private static List<Evidence> titled(List<Evidence> evidence, String title) {
        return evidence.stream().filter(e -> e.title().equals(title)).toList();
    }

    private static ValidatableResponse jira(Source s, String body) {
        return given().contentType(ContentType.JSON).header("X-Atlassian-Webhook-Identifier", UUID.randomUUID().toString())
                .header("X-Hub-Signature", "sha256=" + hmac(s.secret(), body)).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/webhooks/jira/{id}", s.id()).then().statusCode(202);
    }

    private static ValidatableResponse linear(Source s, String body) {
        return given().contentType(ContentType.JSON).header("Linear-Delivery", UUID.randomUUID().toString())
                .header("Linear-Signature", hmac(s.secret(), body)).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/webhooks/linear/{id}", s.id()).then().statusCode(202);
    }

    private static ValidatableResponse github(Source s, String event, String body) {
        return given().contentType(ContentType.JSON).header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hmac(s.secret(), body)).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/webhooks/github/{id}", s.id()).then().statusCode(202);
    }

    private static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payload from {@code pm-month/} with its {@code ${name}} placeholders filled in. */
    private static String fixture(String name, Map<String, String> values) {
        try (InputStream in = ProductManagerMonthStoryTest.class.getResourceAsStream("/pm-month/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var e : values.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            if (text.contains("${")) {
                throw new IllegalStateException(name + " has a placeholder left: " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
