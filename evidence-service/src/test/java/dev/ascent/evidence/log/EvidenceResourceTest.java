package dev.ascent.evidence.log;

import dev.ascent.testsupport.ChangeNotifications;
import dev.ascent.testsupport.Contracts;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.ascent.evidence.directory.AssessmentServiceStub;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(AssessmentServiceStub.class)
class EvidenceResourceTest {

    private static final String ACTOR = "X-Ascent-Actor-Id";

    @AssessmentServiceStub.Inject
    WireMockServer assessment;

    /** assessment-service's reporting line for {@code person}: {@code managers}, nearest first. */
    void lineOf(UUID person, UUID... managers) {
        assessment.stubFor(get(urlPathEqualTo("/api/v1/people/" + person + "/line")).willReturn(okJson(
                "{\"personId\":\"" + person + "\",\"managers\":[" + java.util.Arrays.stream(managers)
                        .map(m -> "\"" + m + "\"").collect(java.util.stream.Collectors.joining(",")) + "]}")));
    }

    static Map<String, Object> item(UUID person, String title, String kind, List<String> competencies, String occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", person.toString());
        body.put("kind", kind);
        body.put("competencies", competencies);
        body.put("title", title);
        body.put("summary", "What happened and why it mattered");
        body.put("links", List.of("https://docs.example.com/notes/1"));
        body.put("impact", "Conversion +3%");
        body.put("occurredAt", occurredAt);
        return body;
    }

    static ValidatableResponse create(UUID actor, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header(ACTOR, actor.toString()).body(body)
                .post("/api/v1/evidence").then();
    }

    @Test
    void thePublishedFrameworksOwnCompetenciesAreTheOnesEvidenceMayName() {
        UUID owner = UUID.randomUUID();
        create(owner, item(owner, "Shaped the craft guild", "OTHER", List.of("craft"), "2026-10-01")).statusCode(400)
                .body("violations.field", contains("competencies[0]"));

        // an admin publishes a framework of its own; the next call sees it
        assessment.stubFor(get(urlPathEqualTo("/api/v1/frameworks/current")).atPriority(1).willReturn(okJson("""
                {"tiers": [{"code": "MAKER", "focus": "MARKET"}], "levels": [{"code": "M1", "tier": "MAKER"}],
                 "competencies": [{"code": "craft"}, {"code": "care"}]}
                """).withHeader("X-Framework-Version", "9")));
        try {
            create(owner, item(owner, "Shaped the craft guild", "OTHER", List.of("craft", "care"), "2026-10-01"))
                    .statusCode(201);
            create(owner, item(owner, "Shipped it", "DELIVERY", List.of("execution-delivery"), "2026-10-01"))
                    .statusCode(400).body("violations.field", contains("competencies[0]"))
                    .body("violations.message[0]", org.hamcrest.Matchers.containsString("[craft, care]"));
            given().queryParam("personId", owner.toString()).queryParam("competency", "care").get("/api/v1/evidence")
                    .then().statusCode(200).body("items", hasSize(1));
        } finally {
            assessment.resetAll();
            Contracts.serve(assessment, "framework-vocabulary");
        }
    }

    @Test
    void ownersLogConfirmedEvidenceAndReadItBack() {
        UUID ada = UUID.randomUUID();
        String id = create(ada, item(ada, "Ran five discovery interviews", "CUSTOMER_DISCOVERY_SESSION",
                List.of("customer-discovery", "customer-facing"), "2026-10-02"))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/evidence/"))
                .extract().path("id");
        given().get("/api/v1/evidence/{id}", id).then().statusCode(200)
                .body("personId", equalTo(ada.toString()))
                .body("kind", equalTo("CUSTOMER_DISCOVERY_SESSION"))
                .body("competencies", contains("customer-discovery", "customer-facing"))
                .body("title", equalTo("Ran five discovery interviews"))
                .body("links", contains("https://docs.example.com/notes/1"))
                .body("impact", equalTo("Conversion +3%"))
                .body("occurredAt", equalTo("2026-10-02"))
                .body("source", equalTo("MANUAL"))
                .body("status", equalTo("CONFIRMED"))
                .body("confirmed.by", equalTo(ada.toString()))
                .body("confirmed.at", notNullValue())
                .body("verified", nullValue());
    }

    @Test
    void evidenceLoggedForSomeoneElseWaitsForTheirConfirmation() {
        UUID owner = UUID.randomUUID();
        UUID colleague = UUID.randomUUID(); // their manager
        lineOf(owner, colleague);
        String id = create(colleague, item(owner, "Co-ran the pricing workshop", "DECISION_CLARIFIED",
                List.of("clarity-amid-chaos"), "2026-09-01")).statusCode(201)
                .body("status", equalTo("SUGGESTED")).extract().path("id");

        given().header(ACTOR, colleague.toString()).post("/api/v1/evidence/{id}/confirm", id).then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:forbidden"));
        given().header(ACTOR, owner.toString()).post("/api/v1/evidence/{id}/confirm", id).then()
                .statusCode(200).body("status", equalTo("CONFIRMED")).body("confirmed.by", equalTo(owner.toString()));
    }

    @Inject
    AgroalDataSource database;

    @Test
    void everyChangeToSomeonesEvidenceTellsWhose() {
        UUID owner = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        lineOf(owner, manager);
        try (ChangeNotifications changes = ChangeNotifications.listen(database)) {
            String id = create(manager, item(owner, "Ran the churn interviews", "CUSTOMER_DISCOVERY_SESSION",
                    List.of("customer-discovery"), "2026-10-01")).statusCode(201).extract().path("id");
            assertThat(changes.heard().people()).as("suggested, yet on their recent evidence").containsExactly(owner);
            given().header(ACTOR, owner.toString()).post("/api/v1/evidence/{id}/confirm", id).then().statusCode(200);
            assertThat(changes.heard().people()).containsExactly(owner);
            given().header(ACTOR, manager.toString()).post("/api/v1/evidence/{id}/confirm", id).then().statusCode(403);
            assertThat(changes.heard().people()).as("refused: nothing changed").isEmpty();
        }
    }

    @Test
    void aManagerAboveSuggestsEvidenceWhichTheReportConfirmsOrRejects() {
        UUID report = UUID.randomUUID();
        UUID direct = UUID.randomUUID();
        UUID skip = UUID.randomUUID(); // the direct manager's manager
        lineOf(report, direct, skip);

        String fromDirect = create(direct, item(report, "Calmed the Acme escalation", "CUSTOMER_FACING_SESSION",
                List.of("customer-facing"), "2026-10-01")).statusCode(201)
                .body("status", equalTo("SUGGESTED")).body("personId", equalTo(report.toString()))
                .body("confirmed", nullValue()).extract().path("id");
        String fromSkip = create(skip, item(report, "Presented the roadmap to the board", "OTHER",
                List.of("strategic-communication"), "2026-10-03")).statusCode(201)
                .body("status", equalTo("SUGGESTED")).extract().path("id");

        // only the report decides: the manager cannot confirm their own suggestion
        given().header(ACTOR, direct.toString()).post("/api/v1/evidence/{id}/confirm", fromDirect).then()
                .statusCode(403).contentType("application/problem+json");
        given().header(ACTOR, report.toString()).post("/api/v1/evidence/{id}/confirm", fromDirect).then()
                .statusCode(200).body("status", equalTo("CONFIRMED")).body("confirmed.by", equalTo(report.toString()));
        given().contentType(ContentType.JSON).header(ACTOR, report.toString()).body(Map.of("reason", "someone else presented"))
                .post("/api/v1/evidence/{id}/reject", fromSkip).then()
                .statusCode(200).body("status", equalTo("REJECTED"));
        given().get("/api/v1/evidence/{id}/history", fromDirect).then()
                .body("to", contains("SUGGESTED", "CONFIRMED"))
                .body("actorId", contains(direct.toString(), report.toString()));
    }

    @Test
    void peersAndStrangersCannotLogEvidenceForSomeone() {
        UUID report = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        UUID peer = UUID.randomUUID(); // reports to the same manager: beside, not above
        lineOf(report, manager);
        lineOf(peer, manager);

        for (UUID notAbove : List.of(peer, UUID.randomUUID())) {
            create(notAbove, item(report, "Not theirs to log", "OTHER", List.of("influence"), "2026-10-01"))
                    .statusCode(403).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("reporting line"));
        }
        // a report cannot log for their manager either
        create(report, item(manager, "Upwards", "OTHER", List.of("influence"), "2026-10-01")).statusCode(403);
        given().queryParam("personId", report).get("/api/v1/evidence").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void withoutTheReportingLineNothingIsLoggedOnAGuess() {
        UUID report = UUID.randomUUID();
        assessment.stubFor(get(urlPathEqualTo("/api/v1/people/" + report + "/line"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        create(UUID.randomUUID(), item(report, "Logged while the directory is down", "OTHER", List.of("influence"),
                "2026-10-01")).statusCode(503).contentType("application/problem+json");
        // the owner's own entries and admins' need no line
        create(report, item(report, "My own", "OTHER", List.of("influence"), "2026-10-01")).statusCode(201);
        given().contentType(ContentType.JSON).body(item(report, "By an admin", "OTHER", List.of("influence"), "2026-10-01"))
                .header("Authorization", GatewayTokens.bearer(UUID.randomUUID().toString(), "admin"))
                .post("/api/v1/evidence").then().statusCode(201).body("status", equalTo("SUGGESTED"));
    }

    @Test
    void statusFlowRecordsWhoAndWhen() {
        UUID owner = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        String id = create(owner, item(owner, "Launched reorder", "LAUNCH_OUTCOME", List.of("execution-delivery"),
                "2026-10-05")).statusCode(201).extract().path("id");

        given().header(ACTOR, owner.toString()).post("/api/v1/evidence/{id}/verify", id).then()
                .statusCode(403).body("detail", org.hamcrest.Matchers.containsString("own evidence"));
        given().header(ACTOR, manager.toString()).post("/api/v1/evidence/{id}/verify", id).then()
                .statusCode(200).body("status", equalTo("VERIFIED"))
                .body("verified.by", equalTo(manager.toString())).body("verified.at", notNullValue());
        // verified work cannot be confirmed again
        given().header(ACTOR, owner.toString()).post("/api/v1/evidence/{id}/confirm", id).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:invalid-status-transition"));

        given().get("/api/v1/evidence/{id}/history", id).then().statusCode(200)
                .body("to", contains("CONFIRMED", "VERIFIED"))
                .body("actorId", contains(owner.toString(), manager.toString()))
                .body("at", hasSize(2));
    }

    @Test
    void rejectionIsRecordedWithItsReason() {
        UUID owner = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        lineOf(owner, manager);
        String id = create(manager, item(owner, "Suggested by a manager", "OTHER", List.of("influence"), "2026-07-01"))
                .statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header(ACTOR, owner.toString()).body(Map.of("reason", "not mine"))
                .post("/api/v1/evidence/{id}/reject", id).then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("rejected.by", equalTo(owner.toString()));
        given().get("/api/v1/evidence/{id}/history", id).then()
                .body("to", contains("SUGGESTED", "REJECTED"))
                .body("reason[1]", equalTo("not mine"));
        given().header(ACTOR, manager.toString()).post("/api/v1/evidence/{id}/verify", id).then().statusCode(409);
    }

    @Test
    void writesNeedAnActingPerson() {
        UUID owner = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(item(owner, "x", "OTHER", List.of("influence"), "2026-01-01"))
                .post("/api/v1/evidence").then()
                .statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:unauthorized"));
        given().contentType(ContentType.JSON).header(ACTOR, "not-a-uuid")
                .body(item(owner, "x", "OTHER", List.of("influence"), "2026-01-01"))
                .post("/api/v1/evidence").then().statusCode(401);
    }

    @Test
    void onlyTheOwnerEditsOrDeletesAndEditingVerifiedWorkNeedsVerifyingAgain() {
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String id = create(owner, item(owner, "First title", "DELIVERY", List.of("execution-delivery"), "2026-10-01"))
                .statusCode(201).extract().path("id");
        given().header(ACTOR, other.toString()).post("/api/v1/evidence/{id}/verify", id).then().statusCode(200);

        Map<String, Object> edit = item(owner, "Better title", "DELIVERY", List.of("execution-delivery", "influence"),
                "2026-10-03");
        given().contentType(ContentType.JSON).header(ACTOR, other.toString()).body(edit)
                .put("/api/v1/evidence/{id}", id).then().statusCode(403);
        given().contentType(ContentType.JSON).header(ACTOR, owner.toString()).body(edit)
                .put("/api/v1/evidence/{id}", id).then().statusCode(200)
                .body("title", equalTo("Better title"))
                .body("competencies", contains("execution-delivery", "influence"))
                .body("occurredAt", equalTo("2026-10-03"))
                .body("status", equalTo("CONFIRMED"))
                .body("verified", nullValue());

        given().header(ACTOR, other.toString()).delete("/api/v1/evidence/{id}", id).then().statusCode(403);
        given().header(ACTOR, owner.toString()).delete("/api/v1/evidence/{id}", id).then().statusCode(204);
        given().get("/api/v1/evidence/{id}", id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidInputNamesEveryField() {
        UUID owner = UUID.randomUUID();
        Map<String, Object> body = item(owner, "", "DELIVERY", List.of("execution-delivery"), "2026-10-01");
        body.put("links", List.of("https://ok.example.com", "javascript:alert(1)", "ftp://files.example.com/x"));
        body.remove("occurredAt");
        create(owner, body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:validation-failed"))
                .body("violations.field", hasItems("title", "links[1]", "links[2]", "occurredAt"));

        Map<String, Object> unknown = item(owner, "t", "DELIVERY", List.of("execution-delivery", "juggling"), "2026-10-01");
        create(owner, unknown).statusCode(400).body("violations[0].field", equalTo("competencies[1]"));

        Map<String, Object> badKind = item(owner, "t", "HEROICS", List.of("execution-delivery"), "2026-10-01");
        create(owner, badKind).statusCode(400).body("violations[0].field", equalTo("kind"));

        given().contentType(ContentType.JSON).header(ACTOR, owner.toString()).body("{\"title\": ")
                .post("/api/v1/evidence").then().statusCode(400)
                .body("type", equalTo("urn:ascent:problem:malformed-json"));
    }

    @Test
    void filtersAndPagesThroughEveryMatchOnce() {
        UUID owner = UUID.randomUUID();
        List<String> discovery = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            discovery.add(create(owner, item(owner, "Interview " + i, "CUSTOMER_DISCOVERY_SESSION",
                    List.of("customer-discovery"), LocalDate.of(2026, 3, i).toString())).statusCode(201).extract().path("id"));
        }
        String delivery = create(owner, item(owner, "Shipped", "DELIVERY", List.of("execution-delivery"), "2026-03-03"))
                .statusCode(201).extract().path("id");
        create(owner, item(owner, "Old interview", "CUSTOMER_DISCOVERY_SESSION", List.of("customer-discovery"),
                "2025-01-01")).statusCode(201);
        UUID someoneElse = UUID.randomUUID();
        create(someoneElse, item(someoneElse, "Someone else's", "DELIVERY", List.of("customer-discovery"),
                "2026-03-02")).statusCode(201);

        List<String> seen = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("personId", owner).queryParam("competency", "customer-discovery")
                    .queryParam("from", "2026-01-01").queryParam("to", "2026-12-31").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/evidence").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            dates.addAll(page.path("items.occurredAt"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(discovery.reversed());
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        given().queryParam("personId", owner).queryParam("kind", "DELIVERY").get("/api/v1/evidence").then()
                .statusCode(200).body("items.id", contains(delivery));
        given().queryParam("personId", owner).queryParam("status", "SUGGESTED").get("/api/v1/evidence").then()
                .statusCode(200).body("items", hasSize(0));
        given().queryParam("personId", owner).queryParam("status", "CONFIRMED").queryParam("limit", 200)
                .get("/api/v1/evidence").then().statusCode(200).body("items", hasSize(7));
        // By where it came from: all of this was logged by hand.
        given().queryParam("personId", owner).queryParam("source", "MANUAL").queryParam("limit", 200)
                .get("/api/v1/evidence").then().statusCode(200).body("items", hasSize(7));
        given().queryParam("personId", owner).queryParam("source", "GITHUB").get("/api/v1/evidence").then()
                .statusCode(200).body("items", hasSize(0));
        given().queryParam("personId", owner).queryParam("source", "SLACK").get("/api/v1/evidence").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("source"));
    }

    @Test
    void badListParametersNameTheParameter() {
        given().queryParam("limit", 0).get("/api/v1/evidence").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        given().queryParam("limit", 201).get("/api/v1/evidence").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        given().queryParam("cursor", "garbage!").get("/api/v1/evidence").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        given().queryParam("competency", "juggling").get("/api/v1/evidence").then().statusCode(400)
                .body("violations[0].field", equalTo("competency"));
        given().queryParam("from", "2026-05-01").queryParam("to", "2026-01-01").get("/api/v1/evidence").then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
        for (String parameter : List.of("personId", "kind", "status", "from", "to")) {
            given().queryParam(parameter, "nonsense").get("/api/v1/evidence").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(parameter));
        }
    }
}
