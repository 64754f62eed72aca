package dev.ascent.assessment.readiness;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.kit.answers.IncompleteAnswers;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.ascent.assessment.support.Api.calibrate;
import static dev.ascent.assessment.support.Api.currentFrameworkVersion;
import static dev.ascent.assessment.support.Api.cycle;
import static dev.ascent.assessment.support.Api.person;
import static dev.ascent.assessment.support.Api.submitted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class ReadinessResourceTest {

    @EvidenceServiceStub.Inject
    WireMockServer evidence;

    @Inject
    SessionFactory sessionFactory;

    @BeforeEach
    void reset() {
        evidence.resetAll();
    }

    private void evidenceFor(String personId, String competency, double strength) {
        evidence.stubFor(post("/api/v1/evidence/strength")
                .withRequestBody(matchingJsonPath("$.personIds[0]", com.github.tomakehurst.wiremock.client.WireMock.equalTo(personId)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"asOf":"2026-11-24","people":[{"personId":"%s","competencies":[
                          {"competency":"%s","confirmed":1,"verified":2,"stale":1,"weightedStrength":%s,
                           "lastOccurredAt":"2026-10-02","items":[
                             {"id":"7d0c1f9e-0000-4000-8000-000000000001","title":"Ran five discovery interviews",
                              "kind":"CUSTOMER_DISCOVERY_SESSION","status":"VERIFIED","occurredAt":"2026-10-02",
                              "verificationFactor":1.0,"recencyFactor":1.0,"weight":1.0}]}]}]}
                        """.formatted(personId, competency, strength))));
    }

    @Test
    void readinessCombinesCalibratedRatingsWithEvidence() {
        String manager = person("Manager", "DIRECTOR", null);
        String pm = person("Pm", "PM", manager);
        String cycle = cycle(pm);
        submitted(pm, cycle, pm, "SELF", Map.of("customer-discovery", 4, "influence", 4));
        submitted(manager, cycle, pm, "MANAGER", Map.of("customer-discovery", 3, "influence", 2));
        calibrate(manager, pm, "customer-discovery", 4);
        evidenceFor(pm, "customer-discovery", 2.4);

        var response = given().get("/api/v1/people/{id}/readiness", pm).then().statusCode(200)
                .body("targetLevel", equalTo("SENIOR_PM"))
                .body("currentTier", equalTo("IC"))
                .body("frameworkVersion", equalTo(currentFrameworkVersion()))
                .body("evidenceAvailable", equalTo(true))
                .extract();
        String discovery = "competencies.find { it.competency == 'customer-discovery' }.";
        assertThat((Integer) response.path(discovery + "expected")).isEqualTo(4);
        assertThat((Integer) response.path(discovery + "selfRating")).isEqualTo(4);
        assertThat((Integer) response.path(discovery + "managerRating")).isEqualTo(3);
        assertThat((Integer) response.path(discovery + "calibratedRating")).isEqualTo(4);
        assertThat((Float) response.path(discovery + "evidenceStrength")).isEqualTo(2.4f);
        assertThat((String) response.path(discovery + "verdict")).isEqualTo("EVIDENCE_GAP"); // needs 4
        assertThat((String) response.path(discovery + "evidence[0].title")).isEqualTo("Ran five discovery interviews");
        String influence = "competencies.find { it.competency == 'influence' }.";
        assertThat((String) response.path(influence + "verdict")).isEqualTo("BOTH_GAPS");
        assertThat((Float) response.path(influence + "ratingGap")).isEqualTo(1.0f);
        assertThat((String) response.path("status")).isEqualTo("NOT_READY");
        assertThat((Integer) response.path("leadership.of")).isEqualTo(3);

        evidence.verify(postRequestedFor(urlEqualTo("/api/v1/evidence/strength"))
                .withRequestBody(matchingJsonPath("$.includeItems", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                // evidence-service accepts only gateway tokens: the caller's is passed on
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+")));

        given().queryParam("target", "DIRECTOR").get("/api/v1/people/{id}/readiness", pm).then().statusCode(200)
                .body("targetTier", equalTo("DIRECTOR"))
                .body("targetFocus", equalTo("PEOPLE"));
        given().queryParam("target", "ASTRONAUT").get("/api/v1/people/{id}/readiness", pm).then().statusCode(400)
                .body("violations[0].field", equalTo("target"));
    }

    private static final List<String> VP_COMPETENCIES = List.of("execution-delivery", "product-craft",
            "customer-discovery", "data-experimentation", "business-acumen", "platform-mastery", "agency-ownership",
            "cross-functional-breadth", "customer-facing", "cross-team-relationships", "influence",
            "strategic-communication", "clarity-amid-chaos", "people-leadership", "product-strategy", "business-vision");

    /** Strength 5 (enough for any VP expectation) in every competency. */
    private void plentyOfEvidenceFor(String personId) {
        String competencies = VP_COMPETENCIES.stream().map(c -> """
                {"competency":"%s","confirmed":0,"verified":5,"stale":0,"weightedStrength":5.0,"items":[]}"""
                .formatted(c)).collect(java.util.stream.Collectors.joining(","));
        evidence.stubFor(post("/api/v1/evidence/strength")
                .withRequestBody(matchingJsonPath("$.personIds[0]", com.github.tomakehurst.wiremock.client.WireMock.equalTo(personId)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"asOf\":\"2026-11-24\",\"people\":[{\"personId\":\"" + personId + "\",\"competencies\":["
                                + competencies + "]}]}")));
    }

    private static String lead(boolean founderLed) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Lead", "email",
                        "lead." + java.util.UUID.randomUUID() + "@example.com", "level", "CPO", "founderLed", founderLed))
                .post("/api/v1/people").then().statusCode(201).extract().path("id");
    }

    /** A Director (target VP) strong everywhere, strategy included, except platform mastery (rated 2 of 4). */
    private String strategistWithoutPlatformMastery(String lead) {
        String director = person("Director", "DIRECTOR", lead);
        Map<String, Integer> ratings = new java.util.HashMap<>();
        VP_COMPETENCIES.forEach(c -> ratings.put(c, 5));
        ratings.put("platform-mastery", 2);
        submitted(lead, cycle(director), director, "MANAGER", ratings);
        plentyOfEvidenceFor(director);
        return director;
    }

    @Test
    void aFounderLedTeamHoldsStrategyCreditBackAndNamesTheMissingCredibility() {
        String founders = strategistWithoutPlatformMastery(lead(true));
        String others = strategistWithoutPlatformMastery(lead(false));

        // 15 competencies met, platform mastery (2/4 rated, evidence met) scores 0.75: 15.75 / 16 = 98%;
        // with product strategy and business vision withheld: 13.75 / 16 = 86%.
        given().get("/api/v1/people/{id}/readiness", founders).then().statusCode(200)
                .body("targetLevel", equalTo("VP"))
                .body("founderLed", equalTo(true))
                .body("readinessPercent", equalTo(86))
                .body("status", equalTo("EMERGING"))
                .body("credibilityGate.applies", equalTo(true))
                .body("credibilityGate.met", equalTo(false))
                .body("credibilityGate.decidedBy", equalTo("TEAM"))
                .body("credibilityGate.missing", org.hamcrest.Matchers.contains("platform-mastery"))
                .body("credibilityGate.strategyWithheld", org.hamcrest.Matchers.contains("product-strategy", "business-vision"))
                .body("credibilityGate.percentWithoutRule", equalTo(98))
                .body("credibilityGate.explanation", org.hamcrest.Matchers.containsString(
                        "Not yet demonstrated: Product and platform mastery."));

        given().get("/api/v1/people/{id}/readiness", others).then().statusCode(200)
                .body("founderLed", equalTo(false))
                .body("readinessPercent", equalTo(98))
                .body("credibilityGate.applies", equalTo(false))
                .body("credibilityGate.missing", org.hamcrest.Matchers.empty())
                .body("credibilityGate.explanation", equalTo("Does not apply: the team is not founder-led."));

        // Bulk readiness finds each director's setting up their reporting line in the statement that reads
        // their standings, and comes to the same figures (one at a time: the evidence stub answers for the
        // first person asked about).
        given().contentType(ContentType.JSON).body(Map.of("personIds", List.of(founders)))
                .post("/api/v1/readiness/bulk").then().statusCode(200)
                .body("people[0].readinessPercent", equalTo(86));
        given().contentType(ContentType.JSON).body(Map.of("personIds", List.of(others)))
                .post("/api/v1/readiness/bulk").then().statusCode(200)
                .body("people[0].readinessPercent", equalTo(98));

        // A team's readiness columns walk down from its manager, each member taking their own setting or the
        // one their manager inherited: from the manager's own setting, or from above a manager without one.
        String founder = lead(true);
        String middle = person("Middle", "VP", founder);
        String underTheMiddle = strategistWithoutPlatformMastery(middle);
        var ofMiddle = given().queryParam("depth", "all").get("/api/v1/people/{id}/team/readiness-columns", middle)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(ofMiddle.getList("people")).hasSize(1);
        assertThat(ofMiddle.getString("people[0][0]")).isEqualTo(underTheMiddle);
        assertThat(ofMiddle.getInt("people[0][2]")).as("founder-led from above the team's manager").isEqualTo(86);
        String othersLead = lead(false);
        strategistWithoutPlatformMastery(othersLead);
        assertThat(given().get("/api/v1/people/{id}/team/readiness-columns", othersLead).then().statusCode(200)
                .extract().jsonPath().getInt("people[0][2]")).as("the manager's own setting").isEqualTo(98);
        // For whole teams at once the stub answers everyone alike (no evidence), its versions too.
        evidence.stubFor(post("/api/v1/evidence/strength").willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"asOf\":\"2026-11-24\",\"people\":[]}")));
        evidence.stubFor(post("/api/v1/evidence/strength/versions").willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"versions\":[]}")));
        teamColumnsAreTheBulkColumnsOfTheTeam(founder);
        teamColumnsAreTheBulkColumnsOfTheTeam(othersLead);
    }

    /**
     * The team's readiness columns are the bulk columns of the people its team answer lists, at each
     * depth, with and without competencies (the order aside: the walk's, not the team's).
     */
    private void teamColumnsAreTheBulkColumnsOfTheTeam(String manager) {
        for (String depth : List.of("direct", "all")) {
            List<String> ids = given().queryParam("depth", depth).get("/api/v1/people/{id}/team", manager).then()
                    .statusCode(200).extract().jsonPath().getList("people.id");
            for (boolean competencies : List.of(true, false)) {
                var bulk = io.restassured.path.json.JsonPath.from(given().contentType(ContentType.JSON)
                        .body(Map.of("personIds", ids, "includeCompetencies", competencies))
                        .post("/api/v1/readiness/bulk/columns").then().statusCode(200).extract().asString());
                var team = io.restassured.path.json.JsonPath.from(given().queryParam("depth", depth)
                        .queryParam("competencies", competencies)
                        .get("/api/v1/people/{id}/team/readiness-columns", manager).then().statusCode(200)
                        .extract().asString());
                assertThat(team.getList("codes")).isEqualTo(bulk.getList("codes"));
                assertThat(team.getList("people")).as(depth + ", competencies " + competencies)
                        .containsExactlyInAnyOrderElementsOf(bulk.getList("people"));
                assertThat(team.getList("competencyTotals")).isEqualTo(bulk.getList("competencyTotals"));
                assertThat(team.getBoolean("evidenceAvailable")).isEqualTo(bulk.getBoolean("evidenceAvailable"));
            }
        }
    }

    @Test
    void teamReadinessColumnsAreForAdminsAndTheGatewayAndAnswerLikeTheTeam() {
        given().header("X-Ascent-Actor-Id", UUID.randomUUID().toString())
                .get("/api/v1/people/{id}/team/readiness-columns", UUID.randomUUID()).then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/people/{id}/team/readiness-columns", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("depth", "sideways").get("/api/v1/people/{id}/team/readiness-columns", UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("depth"));
        given().queryParam("competencies", "maybe").get("/api/v1/people/{id}/team/readiness-columns", UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("competencies"));
        String alone = person("Alone", "PM", null);
        given().get("/api/v1/people/{id}/team/readiness-columns", alone).then().statusCode(200)
                .body("people.size()", equalTo(0)).body("competencyTotals.size()", equalTo(0));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/people/{id}/team/readiness-columns'", nullValue());
    }

    @Test
    void whenEvidenceServiceIsDownReadinessStillAnswersFromRatings() {
        String manager = person("Manager", "DIRECTOR", null);
        String pm = person("Pm", "PM", manager);
        String cycle = cycle(pm);
        submitted(manager, cycle, pm, "MANAGER", Map.of("customer-discovery", 5));
        evidence.stubFor(post("/api/v1/evidence/strength").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().get("/api/v1/people/{id}/readiness", pm).then().statusCode(200)
                .header(IncompleteAnswers.HEADER, "true")
                .body("evidenceAvailable", equalTo(false))
                .body("competencies.find { it.competency == 'customer-discovery' }.verdict", equalTo("EVIDENCE_UNAVAILABLE"))
                .body("competencies.find { it.competency == 'customer-discovery' }.evidenceStrength", nullValue())
                .body("status", equalTo("NOT_READY"));
        // Marked, so the gateway never keeps it as the person's readiness: it is true of this moment only.
        given().get("/api/v1/people/{id}/with-readiness", pm).then().statusCode(200)
                .header(IncompleteAnswers.HEADER, "true")
                .body("readiness.evidenceAvailable", equalTo(false));

        evidence.stubFor(post("/api/v1/evidence/strength").willReturn(aResponse().withStatus(200).withFixedDelay(4_000)));
        long started = System.nanoTime();
        given().get("/api/v1/people/{id}/readiness", pm).then().statusCode(200).body("evidenceAvailable", equalTo(false));
        assertThat((System.nanoTime() - started) / 1_000_000).as("gives up on a slow evidence-service").isLessThan(3_900);
    }

    @Test
    void bulkReadinessCostsTheSameStatementsForThreeOrThirtyPeople() {
        evidence.stubFor(post("/api/v1/evidence/strength").willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"asOf\":\"2026-11-24\",\"people\":[]}")));
        String manager = person("Boss", "DIRECTOR", null);
        List<String> team = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            team.add(person("Member " + i, i % 2 == 0 ? "PM" : "SENIOR_PM", manager));
        }
        String cycle = cycle(team.toArray(String[]::new));
        for (String member : team) {
            submitted(manager, cycle, member, "MANAGER", Map.of("customer-discovery", 3, "influence", 2));
        }

        long three = statementsFor(team.subList(0, 3));
        long thirty = statementsFor(team);
        assertThat(thirty).isEqualTo(three);
        // ... including the one that records everyone's changed readiness snapshots; standings and the
        // founder-led walk up the reporting line are one statement.
        assertThat(thirty).isLessThanOrEqualTo(6);

        given().contentType(ContentType.JSON).body(Map.of("personIds", team.subList(0, 2))).post("/api/v1/readiness/bulk")
                .then().statusCode(200)
                .body("people[0].targetLevel", equalTo("SENIOR_PM"))
                .body("people[1].targetLevel", equalTo("PRINCIPAL_PM"))
                .body("people[0].topGaps.size()", equalTo(3))
                .body("people[0].status", equalTo("NOT_READY"))
                .body("people[0].competencies.influence[0]", equalTo(3.0f))
                .body("people[0].competencies.influence[1]", equalTo(2.0f))
                // Both people are rated 2 in influence by their manager; SENIOR_PM expects 3, PRINCIPAL_PM 4.
                .body("competencyTotals.find { it.competency == 'influence' }.rated", equalTo(2))
                .body("competencyTotals.find { it.competency == 'influence' }.ratingSum", equalTo(4.0f))
                .body("competencyTotals.find { it.competency == 'influence' }.expectedOf", equalTo(2))
                .body("competencyTotals.find { it.competency == 'influence' }.expectedSum", equalTo(7.0f));
        // A report wants only the totals: the per-person pairs are left out, the totals are the same.
        given().contentType(ContentType.JSON).body(Map.of("personIds", team.subList(0, 2), "includeCompetencies", false))
                .post("/api/v1/readiness/bulk").then().statusCode(200)
                .body("people[0].competencies", nullValue())
                .body("people[0].readinessPercent", notNullValue())
                .body("competencyTotals.find { it.competency == 'influence' }.ratingSum", equalTo(4.0f));
        evidence.verify(4, postRequestedFor(urlEqualTo("/api/v1/evidence/strength")));
        List<String> someone = new ArrayList<>(team.subList(0, 2));
        someone.add(UUID.randomUUID().toString()); // nobody: a row all the same
        columnsCarryTheBulkFigures(someone, true);
        columnsCarryTheBulkFigures(someone, false);

        given().contentType(ContentType.JSON).body(Map.of("personIds", List.of())).post("/api/v1/readiness/bulk")
                .then().statusCode(400).body("violations[0].field", equalTo("personIds"));
    }

    /**
     * The gateway's reports read bulk readiness in a compact layout (ReadinessColumns): every figure of
     * the public answer, competencies named by position in {@code codes}.
     */
    @SuppressWarnings("unchecked")
    private void columnsCarryTheBulkFigures(List<String> ids, boolean competencies) {
        Map<String, Object> body = Map.of("personIds", ids, "includeCompetencies", competencies);
        var bulk = given().contentType(ContentType.JSON).body(body).post("/api/v1/readiness/bulk").then().statusCode(200)
                .extract().jsonPath();
        String written = given().contentType(ContentType.JSON).body(body).post("/api/v1/readiness/bulk/columns").then()
                .statusCode(200).contentType(ContentType.JSON).extract().asString();
        assertThat(given().contentType(ContentType.JSON).body(body).post("/api/v1/readiness/bulk/columns").then()
                .statusCode(200).extract().asString()).as("written again from the arrays kept").isEqualTo(written);
        var columns = io.restassured.path.json.JsonPath.from(written);
        List<String> codes = columns.getList("codes");
        List<List<Object>> people = columns.getList("people");
        assertThat(people).hasSameSizeAs(ids);
        for (int i = 0; i < ids.size(); i++) {
            List<Object> person = people.get(i);
            Map<String, Object> expected = bulk.getMap("people[" + i + "]");
            assertThat(person).hasSize(8);
            assertThat(person.subList(0, 5)).containsExactly(expected.get("personId"), expected.get("targetLevel"),
                    expected.get("readinessPercent"), expected.get("status"), expected.get("lastAssessmentAt"));
            assertThat(((List<Integer>) person.get(5)).stream().map(codes::get).toList()).isEqualTo(expected.get("topGaps"));
            if (expected.get("competencies") != null) {
                List<Object> cells = (List<Object>) person.get(6);
                Map<String, List<Double>> pairs = new java.util.LinkedHashMap<>();
                for (int c = 0; c < cells.size(); c += 3) {
                    pairs.put(codes.get((Integer) cells.get(c)), java.util.Arrays.asList(
                            ((Number) cells.get(c + 1)).doubleValue(),
                            cells.get(c + 2) == null ? null : ((Number) cells.get(c + 2)).doubleValue()));
                }
                Map<String, List<Double>> expectedPairs = new java.util.LinkedHashMap<>();
                ((Map<String, List<Number>>) expected.get("competencies")).forEach((code, pair) -> expectedPairs.put(code,
                        java.util.Arrays.asList(pair.get(0).doubleValue(), pair.get(1) == null ? null : pair.get(1).doubleValue())));
                assertThat(pairs).isEqualTo(expectedPairs);
                assertThat(new ArrayList<>(pairs.keySet())).containsExactlyElementsOf(expectedPairs.keySet());
            } else {
                assertThat(competencies).as("only a request without them leaves them out").isFalse();
                assertThat(person.get(6)).isNull();
            }
            List<Object> signals = (List<Object>) person.get(7);
            List<Map<String, Object>> read = new ArrayList<>();
            for (int c = 0; c < signals.size(); c += 2) {
                read.add(Map.of("competency", codes.get((Integer) signals.get(c)), "signal", signals.get(c + 1)));
            }
            assertThat(read).isEqualTo(expected.get("signals"));
        }
        assertThat(columns.getList("competencyTotals")).isEqualTo(bulk.getList("competencyTotals"));
        assertThat(columns.getInt("frameworkVersion")).isEqualTo(bulk.getInt("frameworkVersion"));
    }

    @Test
    void readinessColumnsAreForAdminsAndTheGatewayAndNotInThePublicDocument() {
        given().contentType(ContentType.JSON).header("X-Ascent-Actor-Id", UUID.randomUUID().toString())
                .body(Map.of("personIds", List.of(UUID.randomUUID().toString())))
                .post("/api/v1/readiness/bulk/columns").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("personIds", List.of()))
                .post("/api/v1/readiness/bulk/columns").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("personIds"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/readiness/bulk/columns'", nullValue());
    }

    /** The gateway's overview reads a profile and its readiness in one call; each is what its own endpoint answers. */
    @Test
    void aProfileWithItsReadinessIsBothReadsInOne() {
        String lead = lead(true);
        String director = strategistWithoutPlatformMastery(lead);
        Map<String, Object> person = given().get("/api/v1/people/{id}", director).then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> readiness = new java.util.HashMap<>(given().get("/api/v1/people/{id}/readiness", director)
                .then().statusCode(200).header(IncompleteAnswers.HEADER, nullValue()).extract().jsonPath().getMap(""));
        var both = given().get("/api/v1/people/{id}/with-readiness", director).then().statusCode(200)
                .contentType(ContentType.JSON).header(IncompleteAnswers.HEADER, nullValue()).extract().jsonPath();
        assertThat(both.getMap("person")).isEqualTo(person);
        assertThat(both.getBoolean("person.effectiveFounderLed")).as("inherited from the lead's team").isTrue();
        Map<String, Object> combined = new java.util.HashMap<>(both.getMap("readiness"));
        combined.remove("computedAt");
        readiness.remove("computedAt");
        assertThat(combined).isEqualTo(readiness);
        assertThat(both.getString("readinessUnavailable")).isNull();

        // At the top of the ladder there is no next level: the profile comes alone, with the reason.
        var top = given().get("/api/v1/people/{id}/with-readiness", lead).then().statusCode(200).extract().jsonPath();
        assertThat(top.getString("person.id")).isEqualTo(lead);
        assertThat(top.getMap("readiness")).isNull();
        assertThat(top.getString("readinessUnavailable")).contains("top of the ladder");

        given().get("/api/v1/people/{id}/with-readiness", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Ascent-Actor-Id", director).get("/api/v1/people/{id}/with-readiness", director).then()
                .statusCode(403).contentType("application/problem+json");
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/people/{id}/with-readiness'", nullValue());
    }

    @Test
    void signalsPointAtRatingsTheEvidenceContradicts() {
        String manager = person("Signal Manager", "DIRECTOR", null);
        String pm = person("Signal Pm", "PM", manager);
        // SENIOR_PM expects 4 in customer-discovery and 3 in influence, each backed by as much evidence.
        submitted(manager, cycle(pm), pm, "MANAGER", Map.of("customer-discovery", 5, "influence", 1));
        evidenceFor(pm, "influence", 5.0);

        var one = given().get("/api/v1/people/{id}/readiness", pm).then().statusCode(200).extract();
        assertThat((String) one.path("competencies.find { it.competency == 'customer-discovery' }.signal"))
                .isEqualTo("OPINION_ONLY");
        assertThat((String) one.path("competencies.find { it.competency == 'influence' }.signal"))
                .isEqualTo("UNDER_RECOGNISED");
        assertThat((Object) one.path("competencies.find { it.competency == 'product-craft' }.signal")).isNull();

        given().contentType(ContentType.JSON)
                .body(Map.of("personIds", List.of(pm, UUID.randomUUID().toString()), "includeCompetencies", false))
                .post("/api/v1/readiness/bulk").then().statusCode(200)
                .body("people[0].signals.size()", equalTo(2))
                .body("people[0].signals[0].competency", equalTo("customer-discovery"))
                .body("people[0].signals[0].signal", equalTo("OPINION_ONLY"))
                .body("people[0].signals[1].competency", equalTo("influence"))
                .body("people[0].signals[1].signal", equalTo("UNDER_RECOGNISED"))
                .body("people[1].signals.size()", equalTo(0));
        columnsCarryTheBulkFigures(List.of(pm, UUID.randomUUID().toString()), true);

        // The columns keep each person's written array while their figures stand: a new rating is in the next answer.
        submitted(manager, cycle(pm), pm, "MANAGER", Map.of("customer-discovery", 4, "influence", 3));
        columnsCarryTheBulkFigures(List.of(pm), true);
        var after = given().contentType(ContentType.JSON).body(Map.of("personIds", List.of(pm), "includeCompetencies", true))
                .post("/api/v1/readiness/bulk/columns").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("people[0][7]")).as("influence's rating now meets its evidence: its signal is gone")
                .containsExactly(after.getList("codes").indexOf("customer-discovery"), "OPINION_ONLY");
    }

    private void evidenceVersion(String personId, long version) {
        evidence.stubFor(post("/api/v1/evidence/strength/versions").willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"versions\":[{\"personId\":\"%s\",\"version\":%d}]}".formatted(personId, version))));
    }

    private int bulkPercent(String personId) {
        return given().contentType(ContentType.JSON).body(Map.of("personIds", List.of(personId)))
                .post("/api/v1/readiness/bulk").then().statusCode(200)
                .body("evidenceAvailable", equalTo(true))
                .extract().path("people[0].readinessPercent");
    }

    /**
     * Team readiness is a read model: a person's figures are computed once and reused until one of
     * their inputs moves (their evidence version, a rating, a calibration, their target), and then
     * computed again at once. One person's own page is always computed.
     */
    @Test
    void teamReadinessIsKeptUntilAnyOfItsInputsChanges() {
        String manager = person("Model Manager", "DIRECTOR", null);
        String pm = person("Model Pm", "PM", manager);
        String cycle = cycle(pm);
        submitted(manager, cycle, pm, "MANAGER", Map.of("customer-discovery", 4, "influence", 3));
        evidenceVersion(pm, 7);
        evidenceFor(pm, "customer-discovery", 0.0);
        int first = bulkPercent(pm);
        assertThat(bulkPercent(pm)).isEqualTo(first);
        evidence.verify(1, postRequestedFor(urlEqualTo("/api/v1/evidence/strength")));

        // The evidence changes but its version does not: the kept figure stands, nothing is asked again.
        evidenceFor(pm, "customer-discovery", 4.0);
        assertThat(bulkPercent(pm)).isEqualTo(first);
        evidence.verify(1, postRequestedFor(urlEqualTo("/api/v1/evidence/strength")));
        // One person's own page is computed every time, and sees the new evidence.
        given().get("/api/v1/people/{id}/readiness", pm).then().statusCode(200)
                .body("competencies.find { it.competency == 'customer-discovery' }.evidenceStrength", equalTo(4.0f));

        // The version moves: the figure is computed again and takes the evidence in.
        evidenceVersion(pm, 8);
        int withEvidence = bulkPercent(pm);
        assertThat(withEvidence).isGreaterThan(first);
        evidence.verify(1 + 1 + 1, postRequestedFor(urlEqualTo("/api/v1/evidence/strength")));

        // A calibration moves the person's ratings version (a trigger, whatever wrote it).
        calibrate(manager, pm, "influence", 1);
        int calibratedDown = bulkPercent(pm);
        assertThat(calibratedDown).isLessThan(withEvidence);

        // So does a newly submitted assessment, alone.
        submitted(manager, cycle(pm), pm, "MANAGER", Map.of("customer-discovery", 4, "influence", 5,
                "product-craft", 5, "execution-delivery", 5, "data-experimentation", 5));
        int reassessed = bulkPercent(pm);
        assertThat(reassessed).isGreaterThan(calibratedDown);

        // A new target is another computation altogether.
        given().contentType(ContentType.JSON).body(Map.of("name", "Model Pm", "level", "PM", "targetLevel", "PRINCIPAL_PM",
                "managerId", manager)).put("/api/v1/people/{id}", pm).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("personIds", List.of(pm))).post("/api/v1/readiness/bulk")
                .then().statusCode(200).body("people[0].targetLevel", equalTo("PRINCIPAL_PM"));
        evidence.verify(1 + 1 + 4, postRequestedFor(urlEqualTo("/api/v1/evidence/strength")));
    }

    @Test
    void withoutEvidenceVersionsEveryoneIsComputedAndNothingIsKept() {
        String manager = person("Unversioned Manager", "DIRECTOR", null);
        String pm = person("Unversioned Pm", "PM", manager);
        submitted(manager, cycle(pm), pm, "MANAGER", Map.of("customer-discovery", 4));
        evidenceFor(pm, "customer-discovery", 0.0);
        int first = bulkPercent(pm);
        evidenceFor(pm, "customer-discovery", 4.0);
        // An evidence-service that cannot say whose evidence changed still has strength: it is asked each time.
        assertThat(bulkPercent(pm)).isGreaterThan(first);
        evidence.verify(2, postRequestedFor(urlEqualTo("/api/v1/evidence/strength")));
    }

    private long statementsFor(List<String> ids) {
        var stats = sessionFactory.getStatistics();
        stats.clear();
        given().contentType(ContentType.JSON).body(Map.of("personIds", ids)).post("/api/v1/readiness/bulk")
                .then().statusCode(200).body("people.size()", equalTo(ids.size()));
        return stats.getPrepareStatementCount();
    }
}
