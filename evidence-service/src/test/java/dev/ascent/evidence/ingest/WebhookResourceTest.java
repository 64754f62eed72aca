package dev.ascent.evidence.ingest;

import dev.ascent.evidence.ingest.TestSources.Source;
import dev.ascent.evidence.directory.AssessmentServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static dev.ascent.evidence.ingest.TestSources.fixture;
import static dev.ascent.evidence.ingest.TestSources.hex;
import static dev.ascent.evidence.ingest.TestSources.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Webhooks with payloads of each tool's documented shape, signed as each tool signs. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(AssessmentServiceStub.class)
class WebhookResourceTest {

    /** "Work delivered" in the shipped rules (mapping-rules/default-rules.yaml). */
    private static final String DELIVERY_RULE = "7a3e9c10-5b2d-4f00-8a00-000000001000";

    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse github(Source s, String event, String delivery, String body, String signature) {
        return given().contentType("application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery).header("X-Hub-Signature-256", signature)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/webhooks/github/{id}", s.id()).then();
    }

    private static ValidatableResponse github(Source s, String event, String delivery, String body) {
        return github(s, event, delivery, body, "sha256=" + hex(s.secret(), body.getBytes(StandardCharsets.UTF_8)));
    }

    private static ValidatableResponse jira(Source s, String delivery, String body) {
        return given().contentType("application/json").header("X-Atlassian-Webhook-Identifier", delivery)
                .header("X-Hub-Signature", "sha256=" + hex(s.secret(), body.getBytes(StandardCharsets.UTF_8)))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/webhooks/jira/{id}", s.id()).then();
    }

    private static ValidatableResponse linear(Source s, String delivery, String body, String signature) {
        return given().contentType("application/json").header("Linear-Delivery", delivery)
                .header("Linear-Signature", signature).header("Linear-Event", "Issue")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/webhooks/linear/{id}", s.id()).then();
    }

    private long rows(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long eventsOf(Source s) throws SQLException {
        return rows("SELECT count(*) FROM evidence.ingested_event WHERE source_id = ?", UUID.fromString(s.id()));
    }

    private long evidenceOf(Source s) throws SQLException {
        return rows("SELECT count(*) FROM evidence.evidence WHERE source_id = ?", UUID.fromString(s.id()));
    }

    @Test
    void aMergedPullRequestBecomesSuggestedEvidenceOfItsAuthor() {
        Source s = TestSources.register("GITHUB");
        String login = unique("Octo");
        UUID ada = UUID.randomUUID();
        TestSources.link(s, login, ada);

        String evidenceId = github(s, "pull_request", UUID.randomUUID().toString(),
                fixture("github/pull_request_merged.json", Map.of("login", login)))
                .statusCode(202)
                .body("outcome", equalTo("EVIDENCE"))
                .body("duplicate", equalTo(false))
                .extract().path("evidenceId");

        given().get("/api/v1/evidence/{id}", evidenceId).then().statusCode(200)
                .body("personId", equalTo(ada.toString()))
                .body("status", equalTo("SUGGESTED"))
                .body("source", equalTo("GITHUB"))
                .body("kind", equalTo("DELIVERY"))
                .body("competencies", contains("execution-delivery"))
                .body("ruleId", equalTo(DELIVERY_RULE))
                .body("title", equalTo("Ship one-click reorder for returning customers"))
                .body("links", contains("https://github.com/octo-org/checkout/pull/1347"))
                .body("occurredAt", equalTo("2026-10-02"))
                .body("sourceId", equalTo(s.id()));
        // the owner confirms what the integration suggested
        given().header("X-Ascent-Actor-Id", ada.toString()).post("/api/v1/evidence/{id}/confirm", evidenceId).then()
                .statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void closedIssuesAndReleasesAreMappedByTheirLabelsAndType() {
        Source s = TestSources.register("GITHUB");
        String login = unique("dev");
        TestSources.link(s, login, UUID.randomUUID());
        String issue = github(s, "issues", UUID.randomUUID().toString(),
                fixture("github/issues_closed.json", Map.of("login", login)))
                .statusCode(202).body("outcome", equalTo("EVIDENCE")).extract().path("evidenceId");
        given().get("/api/v1/evidence/{id}", issue).then()
                .body("kind", equalTo("UNOWNED_PROBLEM"))
                .body("competencies", contains("agency-ownership", "platform-mastery"))
                .body("occurredAt", equalTo("2026-08-20"));
        String release = github(s, "release", UUID.randomUUID().toString(),
                fixture("github/release_published.json", Map.of("login", login)))
                .statusCode(202).body("outcome", equalTo("EVIDENCE")).extract().path("evidenceId");
        // a release says what shipped, not what it changed: delivery, not a launch outcome
        given().get("/api/v1/evidence/{id}", release).then()
                .body("kind", equalTo("DELIVERY"))
                .body("competencies", contains("execution-delivery"))
                .body("title", equalTo("Checkout 4.2: one-click reorder"));
    }

    @Test
    void eventsThatAreNotEvidenceAreAcknowledgedAndRecordedAsIgnored() throws SQLException {
        Source s = TestSources.register("GITHUB");
        String login = unique("octo");
        TestSources.link(s, login, UUID.randomUUID());
        github(s, "pull_request", UUID.randomUUID().toString(),
                fixture("github/pull_request_closed_unmerged.json", Map.of("login", login)))
                .statusCode(202).body("outcome", equalTo("IGNORED"))
                .body("reason", equalTo("pull request closed without merging"))
                .body("evidenceId", nullValue());
        github(s, "ping", UUID.randomUUID().toString(), fixture("github/ping.json", Map.of()))
                .statusCode(202).body("outcome", equalTo("IGNORED"));

        assertThat(eventsOf(s)).isEqualTo(2);
        assertThat(rows("SELECT count(*) FROM evidence.ingested_event WHERE source_id = ? AND outcome = 'IGNORED'",
                UUID.fromString(s.id()))).isEqualTo(2);
        assertThat(evidenceOf(s)).isZero();
    }

    @Test
    void aBadSignatureIsRefusedAndWritesNothing() throws SQLException {
        Source s = TestSources.register("GITHUB");
        String body = fixture("github/pull_request_merged.json", Map.of("login", "someone"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        github(s, "pull_request", UUID.randomUUID().toString(), body, "sha256=" + hex("not-the-secret-at-all", bytes))
                .statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:invalid-signature"));
        github(s, "pull_request", UUID.randomUUID().toString(), body, "sha1=" + hex(s.secret(), bytes))
                .statusCode(401);
        github(s, "pull_request", UUID.randomUUID().toString(), body, "sha256=zz-not-hex")
                .statusCode(401);
        // signed over other bytes (a body re-serialised on the way) is refused too
        github(s, "pull_request", UUID.randomUUID().toString(), body + " ",
                "sha256=" + hex(s.secret(), bytes)).statusCode(401);
        given().contentType("application/json").header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).body(bytes)
                .post("/api/v1/webhooks/github/{id}", s.id()).then().statusCode(401);
        assertThat(eventsOf(s)).isZero();
    }

    @Test
    void aRedeliveryHasNoSecondEffect() throws SQLException {
        Source s = TestSources.register("GITHUB");
        String login = unique("octo");
        TestSources.link(s, login, UUID.randomUUID());
        String delivery = UUID.randomUUID().toString();
        String body = fixture("github/pull_request_merged.json", Map.of("login", login));
        github(s, "pull_request", delivery, body).statusCode(202).body("duplicate", equalTo(false));
        github(s, "pull_request", delivery, body).statusCode(200).body("duplicate", equalTo(true))
                .body("evidenceId", nullValue());
        assertThat(eventsOf(s)).isEqualTo(1);
        assertThat(evidenceOf(s)).isEqualTo(1);
    }

    @Test
    void malformedJsonWithAValidSignatureIsAProblem() throws SQLException {
        Source s = TestSources.register("GITHUB");
        github(s, "pull_request", UUID.randomUUID().toString(), "{\"action\": \"closed\", ")
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:malformed-json"));
        assertThat(eventsOf(s)).isZero();
    }

    @Test
    void aSignedPayloadWithTheNulCharacterIsA400NamingTheFieldNotA500() throws SQLException {
        Source s = TestSources.register("GITHUB");
        String login = unique("Nul");
        TestSources.link(s, login, UUID.randomUUID());
        String body = fixture("github/pull_request_merged.json", Map.of("login", login))
                .replace("\"Ship one-click reorder", "\"Ship \\u0000one-click reorder");
        github(s, "pull_request", UUID.randomUUID().toString(), body)
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("pull_request.title"))
                .body("violations[0].message", containsString("NUL"));
        assertThat(eventsOf(s)).isZero();
    }

    @Test
    void aMissingDeliveryIdIsRefused() {
        Source s = TestSources.register("GITHUB");
        String body = fixture("github/ping.json", Map.of());
        given().contentType("application/json").header("X-GitHub-Event", "ping")
                .header("X-Hub-Signature-256", "sha256=" + hex(s.secret(), body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/api/v1/webhooks/github/{id}", s.id()).then()
                .statusCode(400).body("violations[0].field", equalTo("X-GitHub-Delivery"));
    }

    @Test
    void aDeliveryWithoutTheEventHeaderIsA400AndRecordsNothingSoItsRealRedeliveryIsApplied() throws SQLException {
        Source s = TestSources.register("GITHUB");
        String login = unique("octo");
        TestSources.link(s, login, UUID.randomUUID());
        String delivery = UUID.randomUUID().toString();
        String body = fixture("github/pull_request_merged.json", Map.of("login", login));
        String signature = "sha256=" + hex(s.secret(), body.getBytes(StandardCharsets.UTF_8));
        given().contentType("application/json").header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", signature).body(body)
                .post("/api/v1/webhooks/github/{id}", s.id()).then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("X-GitHub-Event"));
        github(s, "x".repeat(101), delivery, body).statusCode(400)
                .body("violations[0].field", equalTo("X-GitHub-Event"));
        assertThat(eventsOf(s)).isZero();

        github(s, "pull_request", delivery, body).statusCode(202)
                .body("outcome", equalTo("EVIDENCE")).body("duplicate", equalTo(false));
        assertThat(evidenceOf(s)).isEqualTo(1);
    }

    @Test
    void jiraAndLinearDeliveriesThatNameNoEventAreA400AndRecordNothing() throws SQLException {
        Source jira = TestSources.register("JIRA");
        String accountId = unique("acc");
        TestSources.link(jira, accountId, UUID.randomUUID());
        String delivery = UUID.randomUUID().toString();
        String done = fixture("jira/issue_updated_done.json", Map.of("accountId", accountId, "email", "ja@example.com"));
        String nameless = done.replace("\"webhookEvent\": \"jira:issue_updated\",", "");
        assertThat(nameless).isNotEqualTo(done);
        jira(jira, delivery, nameless).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("webhookEvent"));
        jira(jira, delivery, done.replace("\"jira:issue_updated\"", "7")).statusCode(400)
                .body("violations[0].field", equalTo("webhookEvent"));
        assertThat(eventsOf(jira)).isZero();
        jira(jira, delivery, done).statusCode(202).body("outcome", equalTo("EVIDENCE"));

        Source linear = TestSources.register("LINEAR");
        String userId = UUID.randomUUID().toString();
        TestSources.link(linear, userId, UUID.randomUUID());
        String completed = fixture("linear/issue_completed.json",
                Map.of("userId", userId, "timestamp", Long.toString(System.currentTimeMillis())));
        String linearDelivery = UUID.randomUUID().toString();
        for (var missing : Map.of("type", "\"type\": \"Issue\",", "action", "\"action\": \"update\",").entrySet()) {
            String body = completed.replace(missing.getValue(), "");
            assertThat(body).isNotEqualTo(completed);
            linear(linear, linearDelivery, body, hex(linear.secret(), body.getBytes(StandardCharsets.UTF_8)))
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(missing.getKey()));
        }
        assertThat(eventsOf(linear)).isZero();
        linear(linear, linearDelivery, completed, hex(linear.secret(), completed.getBytes(StandardCharsets.UTF_8)))
                .statusCode(202).body("outcome", equalTo("EVIDENCE"));
    }

    @Test
    void anOversizeBodyIsA413Problem() throws SQLException {
        Source s = TestSources.register("GITHUB");
        byte[] huge = new byte[4 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        given().contentType("application/json").header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hex(s.secret(), huge)).body(huge)
                .post("/api/v1/webhooks/github/{id}", s.id()).then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:payload-too-large"));
        assertThat(eventsOf(s)).isZero();
    }

    @TestHTTPResource("/api/v1/webhooks/github")
    URL githubHooks;

    @Test
    void anOversizeChunkedBodyWithoutContentLengthIsA413ProblemToo() throws Exception {
        Source s = TestSources.register("GITHUB");
        byte[] huge = new byte[4 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        HttpRequest request = HttpRequest.newBuilder(URI.create(githubHooks + "/" + s.id()))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hex(s.secret(), huge))
                // a stream of unknown length goes out chunked, with no Content-Length to judge by
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.request().headers().firstValue("Content-Length")).isEmpty();
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(eventsOf(s)).isZero();
    }

    @Test
    void aDeclaredLengthBeyondTheHttpLayersBackstopIsStillAProblem() throws Exception {
        Source s = TestSources.register("GITHUB");
        byte[] huge = new byte[9 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        // Expect: 100-continue lets the client hear the refusal before sending 9 MiB
        HttpRequest request = HttpRequest.newBuilder(URI.create(githubHooks + "/" + s.id())).expectContinue(true)
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json").header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hex(s.secret(), huge))
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(response.body()).contains("urn:ascent:problem:payload-too-large");
        }
        // a client that sends it all anyway hears the same answer (the body is read and dropped)
        given().contentType("application/json").header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hex(s.secret(), huge)).body(huge)
                .post("/api/v1/webhooks/github/{id}", s.id()).then()
                .statusCode(413).contentType("application/problem+json");
        assertThat(eventsOf(s)).isZero();
    }

    @Test
    void anUnknownOrMismatchedSourceIsNotFound() {
        Source jira = TestSources.register("JIRA");
        String body = fixture("github/ping.json", Map.of());
        github(new Source(UUID.randomUUID().toString(), "whatever-secret-1234"), "ping", "d1", body).statusCode(404);
        github(jira, "ping", "d2", body).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownUsersWaitInTheUnmatchedQueueUntilLinked() throws SQLException {
        Source s = TestSources.register("GITHUB");
        String login = unique("NewHire");
        github(s, "pull_request", UUID.randomUUID().toString(),
                fixture("github/pull_request_merged.json", Map.of("login", login)))
                .statusCode(202).body("outcome", equalTo("UNMATCHED")).body("evidenceId", nullValue());
        github(s, "issues", UUID.randomUUID().toString(), fixture("github/issues_closed.json", Map.of("login", login)))
                .statusCode(202).body("outcome", equalTo("UNMATCHED"));
        assertThat(evidenceOf(s)).isZero();

        given().get("/api/v1/integrations/{id}/unmatched", s.id()).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.externalId", contains(login.toLowerCase(), login.toLowerCase()))
                .body("items.identityKind", contains("GITHUB_LOGIN", "GITHUB_LOGIN"))
                .body("items.kind", contains("DELIVERY", "UNOWNED_PROBLEM"));

        UUID person = UUID.randomUUID();
        given().contentType("application/json").body(Map.of("externalId", login, "personId", person.toString()))
                .post("/api/v1/integrations/{id}/unmatched/resolve", s.id()).then().statusCode(200)
                .body("releasedEvents", equalTo(2))
                .body("identityKind", equalTo("GITHUB_LOGIN"))
                .body("externalId", equalTo(login.toLowerCase()));

        given().get("/api/v1/integrations/{id}/unmatched", s.id()).then().body("items", hasSize(0));
        given().queryParam("personId", person).queryParam("status", "SUGGESTED").get("/api/v1/evidence").then()
                .statusCode(200).body("items", hasSize(2))
                .body("items.source", contains("GITHUB", "GITHUB"))
                .body("items.ruleId", contains(notNullValue(), notNullValue()));
        assertThat(rows("SELECT count(*) FROM evidence.status_change c JOIN evidence.evidence e ON e.id = c.evidence_id "
                + "WHERE e.person_id = ? AND c.to_status = 'SUGGESTED'", person)).isEqualTo(2);
        // the next event of that user goes straight to evidence
        github(s, "release", UUID.randomUUID().toString(), fixture("github/release_published.json", Map.of("login", login)))
                .statusCode(202).body("outcome", equalTo("EVIDENCE"));
    }

    @Test
    void jiraIssuesMovedToDoneBecomeEvidenceAndOtherMovesAreIgnored() throws SQLException {
        Source s = TestSources.register("JIRA");
        String accountId = "5b10a2844c20165700ede" + UUID.randomUUID().toString().substring(0, 6);
        UUID ada = UUID.randomUUID();
        TestSources.link(s, accountId, ada);

        String done = jira(s, UUID.randomUUID().toString(), fixture("jira/issue_updated_done.json", Map.of("accountId", accountId, "email", "ada@example.com")))
                .statusCode(202).body("outcome", equalTo("EVIDENCE")).extract().path("evidenceId");
        given().get("/api/v1/evidence/{id}", done).then()
                .body("personId", equalTo(ada.toString()))
                .body("source", equalTo("JIRA"))
                .body("kind", equalTo("CUSTOMER_DISCOVERY_SESSION"))
                .body("competencies", contains("customer-discovery"))
                .body("title", equalTo("SHOP-42 Customer interview synthesis for the B2B ordering flow"))
                .body("links", contains("https://octo.atlassian.net/browse/SHOP-42"))
                .body("occurredAt", equalTo("2025-10-03"));

        jira(s, UUID.randomUUID().toString(), fixture("jira/issue_updated_in_review.json", Map.of("accountId", accountId, "email", "ada@example.com")))
                .statusCode(202).body("outcome", equalTo("IGNORED"))
                .body("reason", equalTo("issue moved to a status that is not done"));

        // created by an app account (automation): nobody's evidence, not even the assignee's
        jira(s, UUID.randomUUID().toString(), fixture("jira/issue_created.json", Map.of("accountId", accountId, "email", "ada@example.com")))
                .statusCode(202).body("outcome", equalTo("IGNORED"))
                .body("reason", equalTo("sent by the app account Automation: automation is nobody's evidence"));

        String delivery = UUID.randomUUID().toString();
        String body = fixture("jira/issue_updated_done.json", Map.of("accountId", accountId, "email", "ada@example.com"));
        jira(s, delivery, body).statusCode(202);
        jira(s, delivery, body).statusCode(200).body("duplicate", equalTo(true));
        assertThat(evidenceOf(s)).isEqualTo(2);

        given().contentType("application/json").header("X-Atlassian-Webhook-Identifier", UUID.randomUUID().toString())
                .header("X-Hub-Signature", "sha256=" + hex("wrong-secret-wrong-secret", body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/api/v1/webhooks/jira/{id}", s.id()).then().statusCode(401);
        assertThat(eventsOf(s)).isEqualTo(4);
    }

    @Test
    void anEmailLinkResolvesJiraUsersWhoseAccountIdIsUnknown() throws SQLException {
        Source s = TestSources.register("JIRA");
        String email = unique("grace") + "@Example.com";
        UUID grace = UUID.randomUUID();

        // queued under the accountId, then released by linking the email the payload carried
        jira(s, UUID.randomUUID().toString(), fixture("jira/issue_updated_done.json",
                Map.of("accountId", unique("acc"), "email", email)))
                .statusCode(202).body("outcome", equalTo("UNMATCHED"));
        given().contentType("application/json")
                .body(Map.of("identityKind", "EMAIL", "externalId", email, "personId", grace.toString()))
                .post("/api/v1/integrations/{id}/identity-links", s.id()).then().statusCode(201)
                .body("identityKind", equalTo("EMAIL")).body("releasedEvents", equalTo(1));

        // from now on a new accountId with that email goes straight to evidence
        jira(s, UUID.randomUUID().toString(), fixture("jira/issue_updated_done.json",
                Map.of("accountId", unique("acc"), "email", email.toUpperCase())))
                .statusCode(202).body("outcome", equalTo("EVIDENCE"));
        given().queryParam("personId", grace).get("/api/v1/evidence").then().body("items", hasSize(2));

        // a Jira source links accountIds or emails, nothing else
        given().contentType("application/json")
                .body(Map.of("identityKind", "GITHUB_LOGIN", "externalId", "x", "personId", grace.toString()))
                .post("/api/v1/integrations/{id}/identity-links", s.id()).then().statusCode(400)
                .body("violations[0].field", equalTo("identityKind"));
    }

    @Test
    void linearCompletedIssuesBecomeEvidenceWhenFreshAndSigned() throws SQLException {
        Source s = TestSources.register("LINEAR");
        String userId = UUID.randomUUID().toString();
        TestSources.link(s, userId, UUID.randomUUID());

        String body = fixture("linear/issue_completed.json",
                Map.of("userId", userId, "timestamp", Long.toString(System.currentTimeMillis())));
        String signature = hex(s.secret(), body.getBytes(StandardCharsets.UTF_8));
        String delivery = UUID.randomUUID().toString();
        String evidence = linear(s, delivery, body, signature)
                .statusCode(202).body("outcome", equalTo("EVIDENCE")).extract().path("evidenceId");
        linear(s, delivery, body, signature).statusCode(200).body("duplicate", equalTo(true));
        assertThat(evidenceOf(s)).isEqualTo(1);
        String started = body.replace("\"type\": \"completed\"", "\"type\": \"started\"");
        assertThat(started).isNotEqualTo(body);
        linear(s, UUID.randomUUID().toString(), started, hex(s.secret(), started.getBytes(StandardCharsets.UTF_8)))
                .statusCode(202).body("outcome", equalTo("IGNORED"))
                .body("reason", equalTo("issue is not in a completed state"));
        assertThat(evidenceOf(s)).isEqualTo(1);
        given().get("/api/v1/evidence/{id}", evidence).then()
                .body("source", equalTo("LINEAR"))
                .body("kind", equalTo("DECISION_CLARIFIED"))
                .body("title", equalTo("ENG-204 Write the pricing decision record"))
                .body("links", contains("https://linear.app/octo/issue/ENG-204/write-the-pricing-decision-record"))
                .body("occurredAt", equalTo("2026-10-04"));

        linear(s, UUID.randomUUID().toString(), body, hex("another-secret-entirely", body.getBytes(StandardCharsets.UTF_8)))
                .statusCode(401).contentType("application/problem+json");
        assertThat(eventsOf(s)).isEqualTo(2);
    }

    @Test
    void aStaleLinearTimestampIsRefusedEvenWhenSigned() throws SQLException {
        Source s = TestSources.register("LINEAR");
        String stale = fixture("linear/issue_completed.json", Map.of("userId", "u1",
                "timestamp", Long.toString(System.currentTimeMillis() - 61_000)));
        linear(s, UUID.randomUUID().toString(), stale, hex(s.secret(), stale.getBytes(StandardCharsets.UTF_8)))
                .statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("webhookTimestamp"));
        String future = fixture("linear/issue_completed.json", Map.of("userId", "u1",
                "timestamp", Long.toString(System.currentTimeMillis() + 120_000)));
        linear(s, UUID.randomUUID().toString(), future, hex(s.secret(), future.getBytes(StandardCharsets.UTF_8)))
                .statusCode(401);
        assertThat(eventsOf(s)).isZero();
    }

    @Test
    void ticketsWrittenCreditTheirAuthorNotTheAssignee() {
        Source s = TestSources.register("JIRA");
        String pm = unique("acc-pm");
        String engineer = unique("acc-eng");
        UUID priya = UUID.randomUUID();
        UUID sam = UUID.randomUUID();
        TestSources.link(s, pm, priya);
        TestSources.link(s, engineer, sam);

        String story = jira(s, UUID.randomUUID().toString(), fixture("jira/issue_created_story.json",
                Map.of("accountId", pm, "email", "priya@example.com", "engineerId", engineer)))
                .statusCode(202).body("outcome", equalTo("EVIDENCE")).extract().path("evidenceId");
        given().get("/api/v1/evidence/{id}", story).then()
                .body("personId", equalTo(priya.toString()))
                .body("kind", equalTo("OTHER"))
                .body("competencies", contains("product-craft"))
                .body("title", equalTo("SHOP-57 Reorder from the order history page"));

        // a comment that records a decision is its author's; chatter is no rule's
        String decided = jira(s, UUID.randomUUID().toString(), fixture("jira/comment_created.json", Map.of("accountId", pm,
                "accountType", "atlassian", "email", "priya@example.com",
                "body", "Decision: we ship history reorder first and leave saved carts for Q1.")))
                .statusCode(202).body("outcome", equalTo("EVIDENCE")).extract().path("evidenceId");
        given().get("/api/v1/evidence/{id}", decided).then()
                .body("personId", equalTo(priya.toString()))
                .body("kind", equalTo("DECISION_CLARIFIED"))
                .body("competencies", contains("clarity-amid-chaos", "influence"))
                .body("links", contains("https://octo.atlassian.net/browse/SHOP-57?focusedCommentId=20410"));
        jira(s, UUID.randomUUID().toString(), fixture("jira/comment_created.json", Map.of("accountId", engineer,
                "accountType", "atlassian", "email", "sam@example.com", "body", "Pushed a fix for the flaky test.")))
                .statusCode(202).body("outcome", equalTo("IGNORED")).body("reason", equalTo("no mapping rule matched"));
        jira(s, UUID.randomUUID().toString(), fixture("jira/comment_created.json", Map.of("accountId", pm,
                "accountType", "app", "email", "bot@example.com", "body", "Decision: auto-closed as stale.")))
                .statusCode(202).body("outcome", equalTo("IGNORED"))
                .body("reason", containsString("automation is nobody's evidence"));
        given().queryParam("personId", sam).get("/api/v1/evidence").then().body("items", hasSize(0));
    }

    @Test
    void githubIssuesOpenedCreditTheirAuthorAndBotsEarnNothing() {
        Source s = TestSources.register("GITHUB");
        String login = unique("pm");
        UUID priya = UUID.randomUUID();
        TestSources.link(s, login, priya);
        String opened = github(s, "issues", UUID.randomUUID().toString(),
                fixture("github/issues_opened.json", Map.of("login", login, "type", "User")))
                .statusCode(202).body("outcome", equalTo("EVIDENCE")).extract().path("evidenceId");
        given().get("/api/v1/evidence/{id}", opened).then()
                .body("personId", equalTo(priya.toString()))
                .body("kind", equalTo("OTHER"))
                .body("competencies", contains("product-craft"))
                .body("occurredAt", equalTo("2026-10-06"));

        github(s, "issues", UUID.randomUUID().toString(),
                fixture("github/issues_opened.json", Map.of("login", "renovate[bot]", "type", "Bot")))
                .statusCode(202).body("outcome", equalTo("IGNORED"))
                .body("reason", equalTo("opened by the bot renovate[bot]: automation is nobody's evidence"));
        // a release a workflow published is not anybody's launch
        github(s, "release", UUID.randomUUID().toString(), fixture("github/release_published_by_bot.json", Map.of()))
                .statusCode(202).body("outcome", equalTo("IGNORED"))
                .body("reason", containsString("github-actions[bot]"));
    }

    @Test
    void linearIssuesCreatedCreditTheirCreatorAndIntegrationsEarnNothing() {
        Source s = TestSources.register("LINEAR");
        String userId = UUID.randomUUID().toString();
        UUID priya = UUID.randomUUID();
        TestSources.link(s, userId, priya);
        String body = fixture("linear/issue_created.json", Map.of("userId", userId, "actorType", "user",
                "timestamp", Long.toString(System.currentTimeMillis())));
        String created = linear(s, UUID.randomUUID().toString(), body, hex(s.secret(), body.getBytes(StandardCharsets.UTF_8)))
                .statusCode(202).body("outcome", equalTo("EVIDENCE")).extract().path("evidenceId");
        given().get("/api/v1/evidence/{id}", created).then()
                .body("personId", equalTo(priya.toString()))
                .body("kind", equalTo("OTHER"))
                .body("competencies", contains("product-craft"))
                .body("title", equalTo("ENG-231 Bulk edit for delivery addresses"));

        String byIntegration = fixture("linear/issue_created.json", Map.of("userId", userId, "actorType", "OauthClient",
                "timestamp", Long.toString(System.currentTimeMillis())));
        linear(s, UUID.randomUUID().toString(), byIntegration, hex(s.secret(), byIntegration.getBytes(StandardCharsets.UTF_8)))
                .statusCode(202).body("outcome", equalTo("IGNORED"))
                .body("reason", containsString("automation is nobody's evidence"));
    }
}
