package dev.ascent.e2e;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.ascent.testsupport.RawHttp;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole product through the gateway, over real HTTP, with the four services and PostgreSQL
 * real: an admin sets up people; a member self-assesses and logs evidence; a GitHub webhook adds
 * suggested evidence the member confirms; the manager assesses, calibrates and verifies; readiness
 * moves; a plan is generated and its progress moves when matching evidence arrives; the manager's
 * team report shows it all, as JSON and as CSV.
 */
class PromotionStoryTest extends ApiStory {


    private static JsonPath readiness(String bearer, String personId) {
        return as(bearer).get("/api/v1/people/{id}/readiness", personId).then().statusCode(200).extract().jsonPath();
    }

    private static float strength(JsonPath readiness, String competency) {
        Float value = readiness.get("competencies.find { it.competency == '" + competency + "' }.evidenceStrength");
        return value == null ? 0 : value;
    }

    /**
     * The gateway routes exactly what the services publish: it holds its route table against the
     * merged OpenAPI document of the four running processes and lists any operation one has and the
     * other lacks (docs/architecture.md §5).
     */
    @Test
    void theMergedOpenApiDocumentAndTheGatewaysRouteTableAgree() {
        var document = given().get("/api/v1/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(document.getList("x-unavailable-services")).as("services whose document was missing").isNull();
        assertThat(document.getList("x-route-table-disagreements")).as("route table against OpenAPI").isNull();
    }

    /**
     * The web app's client is generated at build time from {@code web/openapi/ascent-public.json}; this is
     * the document the running gateway serves, so the app cannot drift from the API unnoticed
     * ({@code npm run openapi:refresh} in {@code web/} takes a new snapshot).
     */
    @Test
    void theWebAppIsBuiltFromTheDocumentTheGatewayServes() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var served = mapper.readTree(given().get("/api/v1/openapi").then().statusCode(200).extract().asByteArray());
        java.nio.file.Path snapshot = java.nio.file.Path.of(System.getProperty("ascent.root", ".."))
                .resolve("web/openapi/ascent-public.json");
        assertThat(mapper.readTree(snapshot.toFile()))
                .as("%s against the gateway's document: run npm run openapi:refresh in web/ and rebuild", snapshot)
                .isEqualTo(served);
    }

    /**
     * {@code ./ascent demo}: a living organisation through the public API, from every source, in well
     * under a minute; loading it again adds nothing.
     */
    @Test
    void theDemoLoadsALivingOrganisationOnce() {
        dev.ascent.demo.Tokens tokens = (email, roles, source) -> (source != null
                ? platform.integrationBearer(email, source)
                : platform.bearer(email, email, roles.stream().map(dev.ascent.demo.Tokens.Role::claim).toArray(String[]::new)))
                .substring("Bearer ".length());
        var demo = new dev.ascent.demo.DemoOrganisation(platform.gatewayUrl(), tokens);
        var loaded = demo.load();
        assertThat(loaded.took()).isLessThan(java.time.Duration.ofSeconds(60));
        assertThat(loaded.created()).isPositive();
        var figures = demo.figures(loaded);
        assertThat(figures.people()).isGreaterThanOrEqualTo(12);
        assertThat(loaded.people().values()).extracting(dev.ascent.demo.DemoOrganisation.Person::level)
                .contains("CPO", "VP", "DIRECTOR", "PM", "APM");
        assertThat(figures.evidenceBySource()).containsKeys("MANUAL", "GITHUB", "JIRA", "LINEAR", "GENERIC");
        assertThat(figures.evidenceByStatus()).containsKeys("SUGGESTED", "CONFIRMED", "VERIFIED");
        assertThat(figures.unmatchedEvents()).isPositive();
        assertThat(figures.assessmentsSubmitted()).isPositive();
        assertThat(figures.planProgressPercent()).isNotEmpty().allSatisfy((who, percent) -> assertThat(percent).isPositive());
        assertThat(figures.readinessPercent().get(loaded.member().email())).isPositive();
        assertThat(loaded.pendingWebhookEvidenceId()).isNotNull();

        // A second load adds nothing: every count, status and percentage is as it was.
        var again = demo.load();
        assertThat(demo.figures(again)).isEqualTo(figures);
    }

    /** What clients generate code from: every operation named once and its problem answers documented. */
    @Test
    void everyPublicOperationHasAnIdAndItsProblemResponses() {
        var document = given().get("/api/v1/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(document.getString("servers[0].url")).isNotBlank();
        assertThat(document.getString("info.license.identifier")).isEqualTo("Apache-2.0");
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> ids = new java.util.ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            assertThat(operation.get("operationId")).as("%s %s operationId", method, path).isNotNull();
            ids.add(String.valueOf(operation.get("operationId")));
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(responses.keySet()).as("%s %s responses", method, path).anyMatch(code -> code.startsWith("4"));
        }));
        assertThat(ids).as("operationIds").doesNotHaveDuplicates().hasSizeGreaterThan(70);
        assertThat(document.getMap("components.schemas")).containsKeys("Problem", "Violation");
    }

    /**
     * What was tried against the running platform as an attacker would, over real HTTP between real
     * processes: forged identities on every path spelling straight at the services, oversize bodies
     * in every spelling and encoding at the gateway, and the gateway's public port probed for
     * health and metrics.
     */
    @Test
    void theEdgesHoldAgainstAnAttacker() throws Exception {
        given().get("/api/v1/platform/health").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("UP"));
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/openapi")) {
            assertThat(RawHttp.send("localhost", platform.port("gateway"), "GET", path, Map.of(), null).status())
                    .as("GET %s on the gateway's public port", path).isNotEqualTo(200);
        }
        assertThat(RawHttp.send("localhost", platform.managementPort("gateway"), "GET", "/q/metrics", Map.of(), null).body())
                .contains("jvm_memory_used_bytes");

        String forgedPerson = UUID.randomUUID().toString();
        Map<String, List<String>> writes = Map.of(
                "assessment-service", List.of("/api/v1/people", "{\"name\":\"X\",\"email\":\"x@e2e.example\",\"level\":\"PM\"}"),
                "evidence-service", List.of("/api/v1/evidence", "{\"personId\":\"" + forgedPerson
                        + "\",\"kind\":\"DELIVERY\",\"competencies\":[\"execution-delivery\"],\"title\":\"forged\",\"occurredAt\":\"2026-10-01\"}"),
                "growth-plan-service", List.of("/api/v1/plans", "{\"personId\":\"" + forgedPerson + "\"}"));
        for (var write : writes.entrySet()) {
            String rest = write.getValue().get(0).substring("/api/".length());
            for (String path : List.of("/api/" + rest, "//api/" + rest, "/./api/" + rest, "/%61pi/" + rest, "/x/../api/" + rest)) {
                RawHttp.Answer answer = RawHttp.send("localhost", platform.port(write.getKey()), "POST", path,
                        Map.of("X-Ascent-Actor-Id", forgedPerson, "x-ascent-roles", "admin"), write.getValue().get(1));
                assertThat(answer.status()).as("POST %s%s without the gateway's token", write.getKey(), path).isEqualTo(401);
            }
        }

        String admin = platform.bearer("edge-admin@e2e.example", "edge-admin@e2e.example", "admin");
        String sixMegabytes = "{\"name\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}";
        for (String path : List.of("/api/v1/people", "//api/v1/people", "/api//v1/plans")) {
            RawHttp.Answer answer = RawHttp.send("localhost", platform.port("gateway"), "POST", path, Map.of("Authorization", admin), sixMegabytes);
            assertThat(answer.status()).as("6 MB to %s", path).isEqualTo(413);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform.gatewayUrl() + "/api/v1/plans"))
                                .header("Authorization", admin).header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new java.io.ByteArrayInputStream(sixMegabytes.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as("6 MB chunked to /api/v1/plans").isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(chunked.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void aMemberGrowsTowardsTheNextLevelAndTheManagerSeesIt() throws Exception {
        String admin = platform.bearer("admin@e2e.example", "admin@e2e.example", "admin");

        // An admin sets up the directory.
        String managerId = person(admin, "Morgan Manager", "morgan@e2e.example", "DIRECTOR", null);
        String memberId = person(admin, "Pat Member", "pat@e2e.example", "PM", managerId);
        String strangerId = person(admin, "Sasha Stranger", "sasha@e2e.example", "PM", null);
        String member = platform.bearer("idp|pat", "pat@e2e.example", "member"); // mapped by email
        String manager = platform.bearer(UUID.fromString(managerId), "manager");
        String stranger = platform.bearer(UUID.fromString(strangerId), "member");
        String cycle = as(manager).body(Map.of("name", "H2 review", "startsOn", LocalDate.now().minusDays(3).toString(),
                        "endsOn", LocalDate.now().plusDays(30).toString(), "participantIds", List.of(memberId)))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");

        // The member self-assesses.
        String self = as(member).body(Map.of("cycleId", cycle, "subjectId", memberId, "kind", "SELF", "ratings",
                        List.of(Map.of("competency", "execution-delivery", "rating", 4),
                                Map.of("competency", "customer-discovery", "rating", 3))))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        as(member).post("/api/v1/assessments/{id}/submit", self).then().statusCode(200);

        JsonPath before = readiness(member, memberId);
        assertThat(before.getString("targetLevel")).isEqualTo("SENIOR_PM");
        assertThat(before.getBoolean("evidenceAvailable")).isTrue();
        assertThat(strength(before, "execution-delivery")).isZero();
        // A self-rating alone demonstrates nothing.
        assertThat(before.getString("competencies.find { it.competency == 'execution-delivery' }.verdict"))
                .isEqualTo("BOTH_GAPS");
        // The member's overview, kept by the gateway from here until something of theirs changes.
        JsonPath overviewBefore = as(member).get("/api/v1/me/overview").then().statusCode(200).extract().jsonPath();
        assertThat(overviewBefore.getInt("readiness.readinessPercent")).isEqualTo(before.getInt("readinessPercent"));
        assertThat(overviewBefore.getList("recentEvidence")).isEmpty();
        assertThat(overviewBefore.getList("unavailable")).isEmpty();

        // The member logs evidence by hand; strangers cannot read it, even knowing its id.
        String logged = as(member).body(Map.of("personId", memberId, "kind", "DELIVERY",
                        "competencies", List.of("execution-delivery"), "title", "Shipped the new onboarding flow",
                        "links", List.of("https://example.com/launch"), "occurredAt", LocalDate.now().minusDays(10).toString()))
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        as(stranger).get("/api/v1/evidence/{id}", logged).then().statusCode(403);
        as(stranger).get("/api/v1/people/{id}/readiness", memberId).then().statusCode(403);

        // An admin connects GitHub; a merged pull request becomes suggested evidence the member confirms.
        JsonPath source = as(admin).body(Map.of("kind", "GITHUB", "name", "octo-org"))
                .post("/api/v1/integrations").then().statusCode(201).extract().jsonPath();
        String secret = source.getString("secret");
        as(admin).body(Map.of("identityKind", "GITHUB_LOGIN", "externalId", "pat-gh", "personId", memberId))
                .post("/api/v1/integrations/{id}/identity-links", source.getString("id")).then().statusCode(201);
        String payload;
        try (InputStream in = getClass().getResourceAsStream("/github-pull-request-merged.json")) {
            payload = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${login}", "pat-gh");
        }
        given().contentType(ContentType.JSON)
                .header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hmac(secret, payload))
                .body(payload.getBytes(StandardCharsets.UTF_8))
                .post(source.getString("webhookPath")).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        List<String> suggested = as(member).queryParam("personId", memberId).queryParam("status", "SUGGESTED")
                .get("/api/v1/evidence").then().statusCode(200).extract().path("items.id");
        assertThat(suggested).hasSize(1);
        as(member).post("/api/v1/evidence/{id}/confirm", suggested.getFirst()).then().statusCode(200);

        // The manager assesses, calibrates and verifies; the member cannot verify their own work.
        String assessment = as(manager).body(Map.of("cycleId", cycle, "subjectId", memberId, "kind", "MANAGER", "ratings",
                        List.of(Map.of("competency", "execution-delivery", "rating", 3))))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        as(manager).post("/api/v1/assessments/{id}/submit", assessment).then().statusCode(200);
        as(manager).body(Map.of("subjectId", memberId, "competency", "execution-delivery", "rating", 4,
                        "rationale", "Led two launches end to end this half"))
                .post("/api/v1/calibrations").then().statusCode(201);
        as(member).post("/api/v1/evidence/{id}/verify", logged).then().statusCode(403);
        as(manager).post("/api/v1/evidence/{id}/verify", logged).then().statusCode(200);

        JsonPath after = readiness(manager, memberId);
        String delivery = "competencies.find { it.competency == 'execution-delivery' }.";
        assertThat(after.getInt(delivery + "calibratedRating")).isEqualTo(4);
        assertThat(after.getInt(delivery + "managerRating")).isEqualTo(3);
        // One verified item (1.0) and one confirmed (0.7), both recent.
        assertThat(strength(after, "execution-delivery")).isEqualTo(1.7f);
        assertThat(after.getString(delivery + "verdict")).isEqualTo("EVIDENCE_GAP");
        assertThat(after.getInt("readinessPercent")).isGreaterThan(before.getInt("readinessPercent"));

        // A plan is generated from the gaps and tracks itself as matching evidence arrives.
        JsonPath plan = as(member).body(Map.of("personId", memberId, "horizonDays", 90)).post("/api/v1/plans")
                .then().statusCode(201).extract().jsonPath();
        String planId = plan.getString("id");
        as(member).body(Map.of("status", "ACTIVE")).put("/api/v1/plans/{id}/status", planId).then().statusCode(200);
        as(stranger).get("/api/v1/plans/{id}", planId).then().statusCode(403);
        String kind = plan.getString("actions[0].evidence[0].kind");
        String competency = plan.getString("actions[0].evidence[0].competency");
        String tag = plan.getString("actions[0].evidence[0].tag"); // work counts for an action only when it names its tag
        int progressBefore = as(member).get("/api/v1/plans/{id}", planId).then().statusCode(200).extract().path("progressPercent");
        as(member).body(Map.of("personId", memberId, "kind", kind, "competencies", List.of(competency),
                        "title", "Work the plan asked for" + (tag == null ? "" : ": " + tag),
                        "occurredAt", LocalDate.now().toString()))
                .post("/api/v1/evidence").then().statusCode(201);
        JsonPath tracked = as(member).get("/api/v1/plans/{id}", planId).then().statusCode(200).extract().jsonPath();
        assertThat(tracked.getInt("actions[0].evidence[0].matched")).isGreaterThanOrEqualTo(1);
        assertThat(tracked.getInt("progressPercent")).isGreaterThan(progressBefore);

        // The manager's team report shows all of it; the member cannot pull the manager's report.
        int readinessNow = readiness(manager, memberId).getInt("readinessPercent");
        // Every change since (the manager's, an integration's, the member's own) shows on their overview at once.
        JsonPath overview = as(member).get("/api/v1/me/overview").then().statusCode(200).extract().jsonPath();
        assertThat(overview.getInt("readiness.readinessPercent")).isEqualTo(readinessNow);
        assertThat(overview.getString("activePlan.id")).isEqualTo(planId);
        assertThat(overview.getInt("activePlan.progressPercent")).isEqualTo(tracked.getInt("progressPercent"));
        assertThat(overview.getString("recentEvidence[0].title")).startsWith("Work the plan asked for");
        assertThat(overview.getList("recentEvidence")).hasSize(3);
        assertThat(overview.getList("unavailable")).isEmpty();
        JsonPath report = as(manager).get("/api/v1/teams/{id}/report", managerId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getList("unavailable")).isEmpty();
        String row = "people.find { it.personId == '" + memberId + "' }.";
        assertThat(report.getInt(row + "readinessPercent")).isEqualTo(readinessNow);
        assertThat(report.getInt(row + "evidenceLast90Days.execution-delivery")).isGreaterThanOrEqualTo(2);
        assertThat(report.getString(row + "planStatus")).isEqualTo("ACTIVE");
        assertThat(report.getInt(row + "planProgressPercent")).isEqualTo(tracked.getInt("progressPercent"));
        assertThat(report.getString(row + "lastAssessmentAt")).isNotNull();
        as(member).get("/api/v1/teams/{id}/report", managerId).then().statusCode(403);

        String csv = given().header("Authorization", manager).accept("text/csv")
                .get("/api/v1/teams/{id}/report", managerId).then().statusCode(200).extract().asString();
        MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv);
        Map<String, String> memberRow = rows.readAll().stream().filter(r -> r.get("person_id").equals(memberId))
                .findFirst().orElseThrow();
        assertThat(memberRow).containsEntry("name", "Pat Member").containsEntry("plan_status", "ACTIVE")
                .containsEntry("readiness_percent", String.valueOf(readinessNow));
    }

    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
