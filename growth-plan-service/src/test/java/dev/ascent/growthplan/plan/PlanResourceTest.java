package dev.ascent.growthplan.plan;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.ascent.growthplan.support.RemoteServices;
import dev.ascent.kit.answers.IncompleteAnswers;
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
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(RemoteServices.class)
class PlanResourceTest {

    static final String COUNTS = "/api/v1/evidence/counts";

    /** Founder-led: discovery and ownership (credibility) before communication (strategy). */
    static final List<String> FOUNDER_LED_ORDER = List.of("discovery-interview-series", "discovery-test-an-assumption",
            "agency-root-cause", "agency-adopt-an-orphan", "comms-one-page-memo");
    /** The same gaps elsewhere: biggest weighted gap (strategic communication) first. */
    static final List<String> USUAL_ORDER = List.of("comms-recommend-not-report", "comms-one-page-memo",
            "discovery-interview-series", "discovery-test-an-assumption", "agency-root-cause", "agency-adopt-an-orphan");

    @RemoteServices.Inject
    WireMockServer remote;

    @Inject
    SessionFactory sessionFactory;

    static String readiness(UUID person, boolean founderLed, boolean evidenceAvailable) {
        return """
                {"personId": "%s", "currentLevel": "PM", "currentTier": "IC",
                 "targetLevel": "SENIOR_PM", "targetTier": "IC", "targetFocus": "MARKET", "frameworkVersion": 3,
                 "founderLed": %s, "evidenceAvailable": %s, "computedAt": "2026-11-24T10:15:30Z",
                 "readinessPercent": 57, "status": "EMERGING",
                 "competencies": [
                   {"competency": "customer-discovery", "name": "Customer discovery", "focus": "MARKET",
                    "expected": 3, "evidenceRequired": 2, "effectiveRating": 2, "ratingGap": 1,
                    "evidenceStrength": 1.4, "evidenceGap": 0.6, "verdict": "BOTH_GAPS", "evidence": []},
                   {"competency": "strategic-communication", "focus": "STRATEGY", "expected": 3,
                    "effectiveRating": 1, "ratingGap": 2, "evidenceGap": 1, "verdict": "BOTH_GAPS"},
                   {"competency": "agency-ownership", "focus": "MARKET", "expected": 3,
                    "effectiveRating": 2, "ratingGap": 1, "evidenceGap": 0, "verdict": "RATING_GAP"},
                   {"competency": "business-acumen", "focus": "MARKET", "expected": 2,
                    "effectiveRating": 2, "ratingGap": 0, "evidenceGap": 0.5, "verdict": "EVIDENCE_GAP"},
                   {"competency": "execution-delivery", "focus": "MARKET", "expected": 3,
                    "effectiveRating": 4, "ratingGap": 0, "evidenceGap": 0, "verdict": "DEMONSTRATED"}
                 ],
                 "leadership": {"demonstrated": 1, "of": 3, "competencies": []},
                 "credibilityGate": {"applies": %s, "met": false, "missing": ["customer-discovery"]}}
                """.formatted(person, founderLed, evidenceAvailable, founderLed);
    }

    @BeforeEach
    void everyoneHasGapsAndNoEvidence() {
        remote.resetAll();
        Contracts.serve(remote, "framework-vocabulary");
        Contracts.serve(remote, "evidence-kinds");
        remote.stubFor(get(urlPathMatching("/api/v1/people/[^/]+/readiness")).atPriority(10)
                .willReturn(okJson(readiness(UUID.randomUUID(), true, true))));
        remote.stubFor(post(urlPathEqualTo(COUNTS)).atPriority(10).willReturn(okJson("{\"counts\": []}")));
    }

    void readinessOf(UUID person, String body) {
        remote.stubFor(get(urlPathEqualTo("/api/v1/people/" + person + "/readiness")).atPriority(1)
                .willReturn(okJson(body)));
    }

    void countsOf(UUID person, String countsJson) {
        remote.stubFor(post(urlPathEqualTo(COUNTS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.windows[?(@.personId == '" + person + "')]"))
                .willReturn(okJson("{\"counts\": " + countsJson + "}")));
    }

    static ValidatableResponse generate(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/plans").then();
    }

    static String newPlan(UUID person) {
        return generate(Map.of("personId", person.toString())).statusCode(201).extract().path("id");
    }

    static ValidatableResponse status(String planId, String status) {
        return given().contentType(ContentType.JSON).body(Map.of("status", status))
                .put("/api/v1/plans/{id}/status", planId).then();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    // ---- generation -----------------------------------------------------------------------------

    @Test
    void generatesAFounderLedPlanCredibilityFirstWithinTheHorizon() {
        UUID person = UUID.randomUUID();
        readinessOf(person, readiness(person, true, true));
        String playbookVersion = given().accept(ContentType.JSON).get("/api/v1/playbook").then().extract()
                .header("Playbook-Version");

        var plan = generate(Map.of("personId", person.toString(), "targetLevel", "SENIOR_PM")).statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/plans/"))
                .extract();

        assertThat(plan.<String>path("status")).isEqualTo("DRAFT");
        assertThat(plan.<String>path("personId")).isEqualTo(person.toString());
        assertThat(plan.<String>path("targetLevel")).isEqualTo("SENIOR_PM");
        assertThat(plan.<Integer>path("frameworkVersion")).isEqualTo(3);
        assertThat(plan.<Integer>path("playbookVersion")).isEqualTo(Integer.parseInt(playbookVersion));
        assertThat(plan.<Boolean>path("founderLed")).isTrue();
        assertThat(plan.<Integer>path("horizonDays")).isEqualTo(90);
        assertThat(plan.<String>path("startsOn")).isEqualTo(today().toString());
        assertThat(plan.<String>path("endsOn")).isEqualTo(today().plusDays(90).toString());
        // customer discovery is a missing credibility competency: it leads although communication's gap is larger
        assertThat(plan.<List<String>>path("focus.competency"))
                .containsExactly("customer-discovery", "strategic-communication", "agency-ownership");
        assertThat(plan.<List<String>>path("actions.code")).containsExactlyElementsOf(FOUNDER_LED_ORDER);
        assertThat(plan.<List<String>>path("actions.category"))
                .containsExactly("CREDIBILITY", "CREDIBILITY", "CREDIBILITY", "CREDIBILITY", "STRATEGY");
        // discovery and agency side by side at full length (28 + 21, 30 + 45 days); the strategy phase starts
        // on day 75, where the 42-day recommendations action no longer fits and the 14-day memo does
        List<String> due = plan.path("actions.dueOn");
        assertThat(due).containsExactly(today().plusDays(28).toString(), today().plusDays(49).toString(),
                today().plusDays(30).toString(), today().plusDays(75).toString(), today().plusDays(89).toString());
        assertThat(plan.<String>path("actions[0].why")).isNotBlank();
        assertThat(plan.<String>path("actions[0].how")).isNotBlank();
        assertThat(plan.<String>path("actions[0].artefact")).contains("synthesis");
        assertThat(plan.<Integer>path("actions[0].durationDays")).isEqualTo(28);
        assertThat(plan.<String>path("actions[1].evidence[0].tag")).isEqualTo("assumption-test");
        assertThat(plan.<Integer>path("readinessSnapshot.readinessPercent")).isEqualTo(57);
        assertThat(plan.<String>path("readinessSnapshot.credibilityGate.missing[0]")).isEqualTo("customer-discovery");
        assertThat(plan.<Boolean>path("progressStale")).isFalse();
        assertThat(plan.<Integer>path("progressPercent")).isZero();
        assertThat(plan.<Integer>path("actionsDone")).isZero();
        assertThat(plan.<Integer>path("actionsTotal")).isEqualTo(5);

        // the snapshot survives in the database, not only in the answer
        given().get("/api/v1/plans/{id}", plan.<String>path("id")).then().statusCode(200)
                .body("readinessSnapshot.status", org.hamcrest.Matchers.equalTo("EMERGING"))
                .body("actions.code", org.hamcrest.Matchers.contains(FOUNDER_LED_ORDER.toArray()));
    }

    /** A Director aiming at VP: large strategy gaps, one small missing credibility competency. */
    static String vpReadiness(UUID person, boolean founderLed) {
        return """
                {"personId": "%s", "currentLevel": "DIRECTOR", "currentTier": "DIRECTOR",
                 "targetLevel": "VP", "targetTier": "VP", "targetFocus": "STRATEGY", "frameworkVersion": 3,
                 "founderLed": %s, "evidenceAvailable": true, "readinessPercent": 48, "status": "NOT_READY",
                 "competencies": [
                   {"competency": "product-strategy", "focus": "STRATEGY", "expected": 4,
                    "ratingGap": 2, "evidenceGap": 2, "verdict": "BOTH_GAPS"},
                   {"competency": "clarity-amid-chaos", "focus": "STRATEGY", "expected": 4,
                    "ratingGap": 1, "evidenceGap": 2, "verdict": "BOTH_GAPS"},
                   {"competency": "influence", "focus": "PEOPLE", "expected": 4,
                    "ratingGap": 1, "evidenceGap": 1.5, "verdict": "BOTH_GAPS"},
                   {"competency": "business-acumen", "focus": "MARKET", "expected": 4,
                    "ratingGap": 0, "evidenceGap": 0.5, "verdict": "EVIDENCE_GAP"}
                 ],
                 "credibilityGate": {"applies": %s, "met": %s, "missing": %s}}
                """.formatted(person, founderLed, founderLed, !founderLed,
                founderLed ? "[\"business-acumen\"]" : "[]");
    }

    @Test
    void aFounderLedPlanTakesTheMissingCredibilityCompetencyFirstEvenWhenStrategyGapsAreLarger() {
        UUID founders = UUID.randomUUID();
        readinessOf(founders, vpReadiness(founders, true));
        UUID elsewhere = UUID.randomUUID();
        readinessOf(elsewhere, vpReadiness(elsewhere, false));

        var founderPlan = generate(Map.of("personId", founders.toString())).statusCode(201).extract();
        assertThat(founderPlan.<List<String>>path("focus.competency"))
                .containsExactly("business-acumen", "product-strategy", "clarity-amid-chaos");
        assertThat(founderPlan.<List<String>>path("actions.code").getFirst()).isEqualTo("business-case-for-a-bet");

        var usualPlan = generate(Map.of("personId", elsewhere.toString())).statusCode(201).extract();
        assertThat(usualPlan.<List<String>>path("focus.competency"))
                .containsExactly("product-strategy", "clarity-amid-chaos", "influence");
    }

    @Test
    void withoutAFounderTheBiggestWeightedGapLeads() {
        UUID person = UUID.randomUUID();
        readinessOf(person, readiness(person, false, true));

        generate(Map.of("personId", person.toString(), "horizonDays", 180)).statusCode(201)
                .body("actions.code", org.hamcrest.Matchers.contains(USUAL_ORDER.toArray()))
                .body("endsOn", org.hamcrest.Matchers.equalTo(today().plusDays(180).toString()))
                .body("actions[0].dueOn", org.hamcrest.Matchers.equalTo(today().plusDays(42).toString()));
        remote.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/v1/people/" + person + "/readiness")));
    }

    @Test
    void theSameGapsGiveAnApmAndAPrincipalPmDifferentActions() {
        UUID apm = UUID.randomUUID();
        readinessOf(apm, readiness(apm, false, true).replace("\"currentLevel\": \"PM\"", "\"currentLevel\": \"APM\""));
        UUID principal = UUID.randomUUID();
        readinessOf(principal, readiness(principal, false, true)
                .replace("\"currentLevel\": \"PM\"", "\"currentLevel\": \"PRINCIPAL_PM\""));

        List<String> apmActions = generate(Map.of("personId", apm.toString())).statusCode(201)
                .body("currentLevel", org.hamcrest.Matchers.equalTo("APM")).extract().path("actions.code");
        List<String> principalActions = generate(Map.of("personId", principal.toString())).statusCode(201)
                .extract().path("actions.code");

        assertThat(apmActions).contains("discovery-paired-interviews", "agency-root-cause")
                .doesNotContain("discovery-interview-series", "comms-one-page-memo");
        assertThat(principalActions).contains("discovery-test-an-assumption", "discovery-team-habit")
                .doesNotContain("discovery-paired-interviews", "agency-root-cause");
        assertThat(apmActions).doesNotContainAnyElementsOf(principalActions);
    }

    @Test
    void theTargetLevelIsPassedOnAndDefaultsToNone() {
        UUID person = UUID.randomUUID();
        newPlan(person);
        remote.verify(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/api/v1/people/" + person + "/readiness"))
                .withoutQueryParam("target"));

        UUID other = UUID.randomUUID();
        generate(Map.of("personId", other.toString(), "targetLevel", "DIRECTOR")).statusCode(201);
        remote.verify(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/api/v1/people/" + other + "/readiness"))
                .withQueryParam("target", equalTo("DIRECTOR")));
    }

    @Test
    void nothingToPlanWhenEveryCompetencyIsDemonstrated() {
        UUID person = UUID.randomUUID();
        readinessOf(person, """
                {"personId": "%s", "currentLevel": "PM", "currentTier": "IC", "targetLevel": "SENIOR_PM",
                 "targetTier": "IC", "targetFocus": "MARKET", "frameworkVersion": 3, "founderLed": false, "evidenceAvailable": true,
                 "competencies": [{"competency": "customer-discovery", "focus": "MARKET", "ratingGap": 0,
                                   "evidenceGap": 0, "verdict": "DEMONSTRATED"}]}
                """.formatted(person));

        generate(Map.of("personId", person.toString())).statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:ascent:problem:nothing-to-plan"));
        given().queryParam("personId", person).get("/api/v1/plans").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void anUnknownPersonOrTargetIsABadRequestNamingTheField() {
        UUID nobody = UUID.randomUUID();
        remote.stubFor(get(urlPathEqualTo("/api/v1/people/" + nobody + "/readiness")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\": \"urn:ascent:problem:not-found\", \"status\": 404}")));
        generate(Map.of("personId", nobody.toString())).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("personId"));
        // a 404 is an answer: asked once, not retried
        remote.verify(1, com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/api/v1/people/" + nobody + "/readiness")));

        UUID person = UUID.randomUUID();
        remote.stubFor(get(urlPathEqualTo("/api/v1/people/" + person + "/readiness")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\": 400}")));
        generate(Map.of("personId", person.toString(), "targetLevel", "ARCHMAGE")).statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("targetLevel"));
    }

    @Test
    void badGenerationRequestsNameTheirFields() {
        generate(Map.of()).statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:ascent:problem:validation-failed"))
                .body("violations.field", hasItems("personId"));
        generate(Map.of("personId", UUID.randomUUID().toString(), "horizonDays", 1000, "targetLevel", "senior pm"))
                .statusCode(400)
                .body("violations.field", hasItems("horizonDays", "targetLevel"));
        generate(Map.of("personId", "not-a-uuid")).statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("personId"));
        given().contentType(ContentType.JSON).body("{\"personId\": ").post("/api/v1/plans").then()
                .statusCode(400).body("type", org.hamcrest.Matchers.equalTo("urn:ascent:problem:malformed-json"));
        given().get("/api/v1/plans").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("personId"));
        given().get("/api/v1/plans/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    // ---- failures of the services this one depends on -------------------------------------------

    @Test
    void assessmentServiceDownMeansA503WithARetryHint() {
        UUID person = UUID.randomUUID();
        remote.stubFor(get(urlPathEqualTo("/api/v1/people/" + person + "/readiness")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        generate(Map.of("personId", person.toString())).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", org.hamcrest.Matchers.equalTo("urn:ascent:problem:dependency-unavailable"))
                .body("detail", containsString("assessment-service"));

        UUID other = UUID.randomUUID();
        remote.stubFor(get(urlPathEqualTo("/api/v1/people/" + other + "/readiness")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("boom")));
        generate(Map.of("personId", other.toString())).statusCode(503).header("Retry-After", notNullValue());
        // a failure is retried once before the service gives up
        remote.verify(2, com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/api/v1/people/" + other + "/readiness")));
        given().queryParam("personId", other).get("/api/v1/plans").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aSlowAssessmentServiceIsTreatedAsDownNotWaitedFor() {
        UUID person = UUID.randomUUID();
        remote.stubFor(get(urlPathEqualTo("/api/v1/people/" + person + "/readiness")).atPriority(1)
                .willReturn(okJson(readiness(person, false, true)).withFixedDelay(2_500)));

        long started = System.nanoTime();
        generate(Map.of("personId", person.toString())).statusCode(503).header("Retry-After", "30");
        // two attempts, each cut off by the client's 1 s read timeout in tests
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(4));
    }

    @Test
    void evidenceServiceDownMeansA503ForGeneration() {
        UUID person = UUID.randomUUID();
        remote.stubFor(post(urlPathEqualTo(COUNTS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.windows[?(@.personId == '" + person + "')]"))
                .willReturn(aResponse().withStatus(503)));
        generate(Map.of("personId", person.toString())).statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30").body("detail", containsString("evidence-service"));

        // assessment-service answering without evidence counts as evidence-service being down too
        UUID other = UUID.randomUUID();
        readinessOf(other, readiness(other, false, false));
        generate(Map.of("personId", other.toString())).statusCode(503).header("Retry-After", "30")
                .body("detail", containsString("evidence-service"));
    }

    @Test
    void readingAPlanWorksWhenEvidenceServiceIsDownAndMarksProgressStale() {
        UUID person = UUID.randomUUID();
        String planId = newPlan(person);
        remote.stubFor(post(urlPathEqualTo(COUNTS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.windows[?(@.personId == '" + person + "')]"))
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        given().get("/api/v1/plans/{id}", planId).then().statusCode(200)
                // Marked, so the gateway never keeps it as the person's plan: it is true of this moment only.
                .header(IncompleteAnswers.HEADER, "true")
                .body("progressStale", org.hamcrest.Matchers.equalTo(true))
                .body("progressPercent", nullValue())
                .body("actions[0].done", nullValue())
                .body("actions[0].evidence[0].matched", nullValue())
                .body("actionsTotal", org.hamcrest.Matchers.equalTo(5));
    }

    // ---- progress -------------------------------------------------------------------------------

    @Test
    void progressIsCountedFromEvidenceSinceThePlanStarted() {
        UUID person = UUID.randomUUID();
        String planId = newPlan(person);
        countsOf(person, """
                [{"personId": "%1$s", "kind": "CUSTOMER_DISCOVERY_SESSION", "competency": "customer-discovery", "count": 4},
                 {"personId": "%1$s", "kind": "CUSTOMER_DISCOVERY_SESSION", "competency": "customer-discovery",
                  "tag": "assumption-test", "count": 1},
                 {"personId": "%1$s", "kind": "UNOWNED_PROBLEM", "competency": "agency-ownership", "count": 1},
                 {"personId": "%1$s", "kind": "DELIVERY", "competency": "execution-delivery", "count": 5},
                 {"personId": "%1$s", "kind": "UNOWNED_PROBLEM", "competency": "business-vision", "count": 7}]
                """.formatted(person));

        var plan = given().get("/api/v1/plans/{id}", planId).then().statusCode(200)
                .header(IncompleteAnswers.HEADER, nullValue()).extract();

        // the assumption test takes the one session tagged for it; the interview series 3 of the other 3.
        // Five deliveries and an unowned problem without the root-cause tag do not advance the root-cause
        // action; the untagged unowned problem completes adopting an orphan.
        assertThat(plan.<List<Boolean>>path("actions.done")).containsExactly(true, false, false, true, false);
        assertThat(plan.<List<Integer>>path("actions[1].evidence.matched")).containsExactly(1);
        assertThat(plan.<List<Integer>>path("actions[2].evidence.matched")).containsExactly(0, 0);
        // matched 3 + 1 + 0 + 1 + 0 of expected 3 + 2 + 2 + 1 + 1 = 9
        assertThat(plan.<Integer>path("progressPercent")).isEqualTo(55);
        assertThat(plan.<Integer>path("actionsDone")).isEqualTo(2);
        assertThat(plan.<Boolean>path("progressStale")).isFalse();
        remote.verify(postRequestedFor(urlPathEqualTo(COUNTS))
                .withRequestBody(matchingJsonPath("$.windows[0].personId", equalTo(person.toString())))
                .withRequestBody(matchingJsonPath("$.windows[0].since", equalTo(today().toString())))
                .withRequestBody(matchingJsonPath("$.windows[0].tags[?(@ == 'assumption-test')]"))
                .withRequestBody(matchingJsonPath("$.windows[0].tags[?(@ == 'root-cause')]")));
    }

    // ---- life cycle -----------------------------------------------------------------------------

    @Test
    void statusMovesForwardOnlyAlongTheLifeCycle() {
        String planId = newPlan(UUID.randomUUID());

        status(planId, "COMPLETED").statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:ascent:problem:invalid-transition"))
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("status"));
        status(planId, "ACTIVE").statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
        status(planId, "DRAFT").statusCode(409);
        status(planId, "SUPERSEDED").statusCode(409);
        status(planId, "COMPLETED").statusCode(200).body("status", org.hamcrest.Matchers.equalTo("COMPLETED"));
        status(planId, "ACTIVE").statusCode(409);
        status(planId, "ABANDONED").statusCode(409);
        status(planId, "FINISHED").statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("status"));
        given().contentType(ContentType.JSON).body(Map.of()).put("/api/v1/plans/{id}/status", planId).then()
                .statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("status"));
        status(UUID.randomUUID().toString(), "ACTIVE").statusCode(404);

        String draft = newPlan(UUID.randomUUID());
        status(draft, "ABANDONED").statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ABANDONED"));
    }

    @Test
    void anActionCanBeSwappedForAnotherOfTheSameCompetency() {
        var plan = generate(Map.of("personId", UUID.randomUUID().toString())).statusCode(201).extract();
        String planId = plan.path("id");
        String discoveryAction = plan.path("actions.find { it.code == 'discovery-interview-series' }.id");
        String dueOn = plan.path("actions.find { it.code == 'discovery-interview-series' }.dueOn");

        given().contentType(ContentType.JSON).body(Map.of("actionCode", "discovery-team-habit"))
                .post("/api/v1/plans/{id}/actions/{action}/swap", planId, discoveryAction).then()
                .statusCode(200)
                .body("actions[0].id", org.hamcrest.Matchers.equalTo(discoveryAction))
                .body("actions[0].code", org.hamcrest.Matchers.equalTo("discovery-team-habit"))
                .body("actions[0].swappedFrom", org.hamcrest.Matchers.equalTo("discovery-interview-series"))
                .body("actions[0].dueOn", org.hamcrest.Matchers.equalTo(dueOn))
                .body("actions[0].evidence[0].count", org.hamcrest.Matchers.equalTo(4));

        swap(planId, discoveryAction, "comms-one-page-memo").statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("actionCode"))
                .body("violations[0].message", containsString("same competency"));
        swap(planId, discoveryAction, "no-such-action").statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("actionCode"));
        swap(planId, discoveryAction, "discovery-test-an-assumption").statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("urn:ascent:problem:action-in-plan"));
        swap(planId, UUID.randomUUID().toString(), "discovery-interview-series").statusCode(404);
        swap(planId, discoveryAction, "").statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("actionCode"));

        status(planId, "ABANDONED").statusCode(200);
        swap(planId, discoveryAction, "discovery-interview-series").statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("urn:ascent:problem:plan-closed"));
    }

    @Test
    void aNewPlaybookVersionNeverRewritesExistingPlans() throws Exception {
        var before = generate(Map.of("personId", UUID.randomUUID().toString())).statusCode(201).extract();
        String planId = before.path("id");
        int oldVersion = before.path("playbookVersion");
        String actionId = before.path("actions[0].id");

        // the current playbook plus one more discovery action, appended so new plans pick the same ones
        String yaml = given().accept("application/yaml").get("/api/v1/playbook").then().statusCode(200)
                .extract().asString();
        String extended = yaml + """
                - code: discovery-churn-calls
                  competency: customer-discovery
                  category: CREDIBILITY
                  title: Call customers who left
                  why: Lost customers explain gaps that happy ones never mention.
                  how: Call five recently churned customers and share what you heard.
                  artefact: notes from five calls with customers who left
                  durationDays: 14
                  tiers: [IC]
                  evidence:
                    - { kind: CUSTOMER_DISCOVERY_SESSION, competency: customer-discovery, count: 5 }
                """;
        int newVersion = given().contentType("application/yaml")
                .body(extended.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/playbook/versions").then().statusCode(201).extract().path("version");
        assertThat(newVersion).isEqualTo(oldVersion + 1);

        given().get("/api/v1/plans/{id}", planId).then().statusCode(200)
                .body("playbookVersion", org.hamcrest.Matchers.equalTo(oldVersion))
                .body("actions.code", org.hamcrest.Matchers.contains(FOUNDER_LED_ORDER.toArray()));
        swap(planId, actionId, "discovery-churn-calls").statusCode(400)
                .body("violations[0].message", containsString("playbook version " + oldVersion));

        generate(Map.of("personId", UUID.randomUUID().toString())).statusCode(201)
                .body("playbookVersion", org.hamcrest.Matchers.equalTo(newVersion))
                .body("actions.code", org.hamcrest.Matchers.contains(FOUNDER_LED_ORDER.toArray()));
    }

    static ValidatableResponse swap(String planId, String actionId, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("actionCode", code))
                .post("/api/v1/plans/{id}/actions/{action}/swap", planId, actionId).then();
    }

    static io.restassured.specification.RequestSpecification withToken(UUID person, String role) {
        return given().contentType(ContentType.JSON).header("Authorization", GatewayTokens.bearer(person.toString(), role));
    }

    @Inject
    AgroalDataSource database;

    @Test
    void aPlanItsActionsAndItsCheckInsTellWhoseTheyAre() {
        UUID owner = UUID.randomUUID();
        try (ChangeNotifications changes = ChangeNotifications.listen(database)) {
            String planId = newPlan(owner);
            var made = changes.heard();
            assertThat(made.people()).containsExactly(owner);
            assertThat(made.everyone()).isFalse();

            withToken(owner, "member").body(Map.of("authorRole", "PERSON", "note", "Booked three interviews"))
                    .post("/api/v1/plans/{id}/check-ins", planId).then().statusCode(201);
            assertThat(changes.heard().people()).containsExactly(owner);

            status(planId, "ABANDONED").statusCode(200);
            assertThat(changes.heard().people()).containsExactly(owner);

            withToken(owner, "member").body(Map.of("note", "")).post("/api/v1/plans/{id}/check-ins", planId)
                    .then().statusCode(400);
            assertThat(changes.heard().people()).as("refused: nothing changed").isEmpty();
        }
    }

    @Test
    void checkInsByPersonAndManagerArePagedInOrder() {
        UUID owner = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        String planId = newPlan(owner);
        withToken(owner, "member")
                .body(Map.of("authorRole", "PERSON", "note", "  Booked three interviews  ", "date", today().minusDays(1).toString()))
                .post("/api/v1/plans/{id}/check-ins", planId).then().statusCode(201)
                .body("authorRole", org.hamcrest.Matchers.equalTo("PERSON"))
                .body("authorId", org.hamcrest.Matchers.equalTo(owner.toString()))
                .body("note", org.hamcrest.Matchers.equalTo("Booked three interviews"))
                .body("date", org.hamcrest.Matchers.equalTo(today().minusDays(1).toString()));
        withToken(manager, "manager").body(Map.of("note", "Good start"))
                .post("/api/v1/plans/{id}/check-ins", planId).then().statusCode(201)
                .body("authorRole", org.hamcrest.Matchers.equalTo("MANAGER"))
                .body("authorId", org.hamcrest.Matchers.equalTo(manager.toString()))
                .body("date", org.hamcrest.Matchers.equalTo(today().toString()));

        var first = given().queryParam("limit", 1).get("/api/v1/plans/{id}/check-ins", planId).then().statusCode(200)
                .body("items.authorRole", org.hamcrest.Matchers.contains("PERSON")).extract();
        given().queryParam("limit", 1).queryParam("cursor", first.<String>path("nextCursor"))
                .get("/api/v1/plans/{id}/check-ins", planId).then().statusCode(200)
                .body("items.authorRole", org.hamcrest.Matchers.contains("MANAGER"))
                .body("items.authorId", org.hamcrest.Matchers.contains(manager.toString()))
                .body("nextCursor", nullValue());
    }

    /** The author and their role come from the caller's token, never from the body. */
    @Test
    void aCheckInsAuthorAndRoleComeFromTheCaller() {
        UUID owner = UUID.randomUUID();
        String planId = newPlan(owner);
        String path = "/api/v1/plans/{id}/check-ins";
        withToken(owner, "member").body(Map.of("authorRole", "MANAGER", "note", "Great work, says my manager"))
                .post(path, planId).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("authorRole"));
        // Holding the manager role does not make the owner their own manager.
        withToken(owner, "manager").body(Map.of("authorRole", "MANAGER", "note", "Still me"))
                .post(path, planId).then().statusCode(400).contentType("application/problem+json");
        withToken(UUID.randomUUID(), "manager").body(Map.of("authorRole", "PERSON", "note", "Pretending"))
                .post(path, planId).then().statusCode(400).contentType("application/problem+json");
        withToken(UUID.randomUUID(), "member").body(Map.of("note", "A colleague without the manager role"))
                .post(path, planId).then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("authorRole", "MANAGER", "note", "Nobody"))
                .post(path, planId).then().statusCode(401).contentType("application/problem+json");
        given().get(path, planId).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());

        withToken(owner, "member").body(Map.of("note", "Mine")).post(path, planId).then().statusCode(201)
                .body("authorRole", org.hamcrest.Matchers.equalTo("PERSON"))
                .body("authorId", org.hamcrest.Matchers.equalTo(owner.toString()));
    }

    @Test
    void badCheckInsNameTheirFields() {
        UUID owner = UUID.randomUUID();
        String planId = newPlan(owner);
        withToken(owner, "member").body(Map.of("note", " "))
                .post("/api/v1/plans/{id}/check-ins", planId).then().statusCode(400)
                .body("violations.field", hasItems("note"));
        withToken(owner, "member").body(Map.of("authorRole", "PEER", "note", "hi"))
                .post("/api/v1/plans/{id}/check-ins", planId).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("authorRole"));
        withToken(owner, "member")
                .body(Map.of("authorRole", "PERSON", "note", "later", "date", today().plusDays(2).toString()))
                .post("/api/v1/plans/{id}/check-ins", planId).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("date"));
        withToken(owner, "member").body(Map.of("authorRole", "PERSON", "note", "x"))
                .post("/api/v1/plans/{id}/check-ins", UUID.randomUUID()).then().statusCode(404);
        given().queryParam("limit", 500).get("/api/v1/plans/{id}/check-ins", planId).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("limit"));
        // text PostgreSQL cannot store is a 400 naming the field, never a 500, and nothing is written
        withToken(owner, "member").body("{\"authorRole\":\"PERSON\",\"note\":\"half\\u0000way\"}")
                .post("/api/v1/plans/{id}/check-ins", planId).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("note"));
        withToken(owner, "member").body("{\"authorRole\":\"PERSON\",\"note\":\"ok\",\"date\":\"-0044-03-15\"}")
                .post("/api/v1/plans/{id}/check-ins", planId).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("date"));
        given().get("/api/v1/plans/{id}/check-ins", planId).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void regenerationCreatesANewPlanAndKeepsTheOldOneInHistory() {
        UUID person = UUID.randomUUID();
        String first = newPlan(person);
        status(first, "ACTIVE").statusCode(200);

        String second = given().contentType(ContentType.JSON).body(Map.of("horizonDays", 60))
                .post("/api/v1/plans/{id}/regenerate", first).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("DRAFT"))
                .body("supersedesId", org.hamcrest.Matchers.equalTo(first))
                .body("horizonDays", org.hamcrest.Matchers.equalTo(60))
                .extract().path("id");
        given().get("/api/v1/plans/{id}", first).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("SUPERSEDED"))
                .body("supersededById", org.hamcrest.Matchers.equalTo(second));
        given().contentType(ContentType.JSON).post("/api/v1/plans/{id}/regenerate", first).then().statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("urn:ascent:problem:plan-closed"));

        // generating again for the person also supersedes their open plan
        String third = newPlan(person);
        given().queryParam("personId", person).get("/api/v1/plans").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(first, second, third))
                .body("items.status", org.hamcrest.Matchers.contains("SUPERSEDED", "SUPERSEDED", "DRAFT"));
        given().contentType(ContentType.JSON).post("/api/v1/plans/{id}/regenerate", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aPersonsHistoryIsPagedWithAnOpaqueCursor() {
        UUID person = UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(newPlan(person));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("personId", person).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/plans").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && seen.size() < 100);
        assertThat(seen).containsExactlyElementsOf(created);
        given().queryParam("personId", person).queryParam("cursor", "garbage!").get("/api/v1/plans").then()
                .statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("cursor"));
    }

    // ---- bulk status ----------------------------------------------------------------------------

    @Test
    void bulkStatusUsesTheSameNumberOfStatementsForThreeOrThirtyPeople() {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID person = UUID.randomUUID();
            people.add(person);
            String planId = newPlan(person);
            if (i % 2 == 0) {
                status(planId, "ACTIVE").statusCode(200);
            }
        }
        remote.resetRequests();

        long three = statementsFor(people.subList(0, 3));
        long thirty = statementsFor(people);

        // one statement for the current plans, one for their actions
        assertThat(three).isEqualTo(2);
        assertThat(thirty).isEqualTo(three);
        remote.verify(2, postRequestedFor(urlPathEqualTo(COUNTS)));
    }

    long statementsFor(List<UUID> people) {
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        given().contentType(ContentType.JSON).body(Map.of("personIds", people)).post("/api/v1/plans/status/bulk").then()
                .statusCode(200).body("people.size()", org.hamcrest.Matchers.equalTo(people.size()));
        return statistics.getPrepareStatementCount();
    }

    @Test
    void bulkStatusGivesEachPersonTheirCurrentPlanAndProgress() {
        UUID withProgress = UUID.randomUUID();
        UUID regenerated = UUID.randomUUID();
        UUID withoutPlan = UUID.randomUUID();
        String planA = newPlan(withProgress);
        status(planA, "ACTIVE").statusCode(200);
        String old = newPlan(regenerated);
        String current = newPlan(regenerated);
        countsOf(withProgress, """
                [{"personId": "%s", "kind": "CUSTOMER_DISCOVERY_SESSION", "competency": "customer-discovery", "count": 3}]
                """.formatted(withProgress));

        var answer = given().contentType(ContentType.JSON)
                .body(Map.of("personIds", List.of(withProgress, regenerated, withoutPlan, withProgress)))
                .post("/api/v1/plans/status/bulk").then().statusCode(200).extract();

        assertThat(answer.<Boolean>path("progressStale")).isFalse();
        assertThat(answer.<List<Map<String, Object>>>path("people")).usingRecursiveComparison().isEqualTo(List.of(
                Map.of("personId", withProgress.toString(), "planId", planA, "status", "ACTIVE",
                        "progressPercent", 33, "actionsDone", 1, "actionsTotal", 5),
                Map.of("personId", regenerated.toString(), "planId", current, "status", "DRAFT",
                        "progressPercent", 0, "actionsDone", 0, "actionsTotal", 5),
                nullPlan(withoutPlan)));
        assertThat(old).isNotEqualTo(current);
    }

    /**
     * Bulk progress keeps each plan's actions in memory (PlanActionsReadModel) with the plan's version:
     * a swapped action moves the version, so the next bulk answer counts against the new action, as a
     * read of the plan itself (never kept) does.
     */
    @Test
    void bulkProgressFollowsASwappedAction() {
        UUID person = UUID.randomUUID();
        var plan = generate(Map.of("personId", person.toString())).statusCode(201).extract();
        String planId = plan.path("id");
        String discoveryAction = plan.path("actions.find { it.code == 'discovery-interview-series' }.id");
        countsOf(person, """
                [{"personId": "%s", "kind": "CUSTOMER_DISCOVERY_SESSION", "competency": "customer-discovery", "count": 3}]
                """.formatted(person));
        int before = bulkProgress(person);
        assertThat(before).isEqualTo(given().get("/api/v1/plans/" + planId).then().statusCode(200).extract()
                .<Integer>path("progressPercent"));

        swap(planId, discoveryAction, "discovery-team-habit").statusCode(200);

        int after = given().get("/api/v1/plans/" + planId).then().statusCode(200).extract().path("progressPercent");
        assertThat(after).as("the new action expects other evidence").isNotEqualTo(before);
        assertThat(bulkProgress(person)).isEqualTo(after);
    }

    private int bulkProgress(UUID person) {
        return given().contentType(ContentType.JSON).body(Map.of("personIds", List.of(person)))
                .post("/api/v1/plans/status/bulk").then().statusCode(200).extract().path("people[0].progressPercent");
    }

    @Test
    void currentPlanIsTheOneBulkStatusNamesWithItsProgressInOneCall() {
        UUID person = UUID.randomUUID();
        String old = newPlan(person);
        String current = newPlan(person);
        status(current, "ACTIVE").statusCode(200);
        countsOf(person, """
                [{"personId": "%s", "kind": "CUSTOMER_DISCOVERY_SESSION", "competency": "customer-discovery", "count": 3}]
                """.formatted(person));
        var plan = given().get("/api/v1/plans/" + current).then().statusCode(200).extract().<Map<String, Object>>path("$");
        remote.resetRequests();

        given().queryParam("personId", person).get("/api/v1/plans/current").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(current))
                .body("progressPercent", org.hamcrest.Matchers.equalTo(33))
                .body("$", org.hamcrest.Matchers.equalTo(plan));
        remote.verify(1, postRequestedFor(urlPathEqualTo(COUNTS)));
        assertThat(old).isNotEqualTo(current);

        // The overview's way: the same plan and progress without the readiness it was generated from.
        Map<String, Object> withoutSnapshot = new java.util.HashMap<>(plan);
        withoutSnapshot.put("readinessSnapshot", null);
        assertThat(plan.get("readinessSnapshot")).isNotNull();
        given().queryParam("personId", person).queryParam("readinessSnapshot", "false").get("/api/v1/plans/current")
                .then().statusCode(200).body("$", org.hamcrest.Matchers.equalTo(withoutSnapshot));
        given().queryParam("personId", person).queryParam("readinessSnapshot", "true").get("/api/v1/plans/current")
                .then().statusCode(200).body("$", org.hamcrest.Matchers.equalTo(plan));
        given().queryParam("personId", person).queryParam("readinessSnapshot", "no").get("/api/v1/plans/current")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("readinessSnapshot"));

        given().queryParam("personId", UUID.randomUUID()).get("/api/v1/plans/current").then().statusCode(404)
                .contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("personId"));
        given().get("/api/v1/plans/current").then().statusCode(400)
                .body("violations[0].field", containsString("personId"));
    }

    static Map<String, Object> nullPlan(UUID person) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("personId", person.toString());
        m.put("planId", null);
        m.put("status", null);
        m.put("progressPercent", null);
        m.put("actionsDone", null);
        m.put("actionsTotal", null);
        return m;
    }

    @Test
    void bulkStatusIsStaleWhenEvidenceServiceIsDownAndRejectsBadBatches() {
        UUID person = UUID.randomUUID();
        String planId = newPlan(person);
        remote.stubFor(post(urlPathEqualTo(COUNTS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.windows[?(@.personId == '" + person + "')]"))
                .willReturn(aResponse().withStatus(503)));
        given().contentType(ContentType.JSON).body(Map.of("personIds", List.of(person)))
                .post("/api/v1/plans/status/bulk").then().statusCode(200)
                .body("progressStale", org.hamcrest.Matchers.equalTo(true))
                .body("people[0].planId", org.hamcrest.Matchers.equalTo(planId))
                .body("people[0].progressPercent", nullValue())
                .body("people[0].actionsTotal", org.hamcrest.Matchers.equalTo(5));

        given().contentType(ContentType.JSON).body(Map.of("personIds", List.of()))
                .post("/api/v1/plans/status/bulk").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("personIds"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= PlanRequests.MAX_BULK_PEOPLE; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        given().contentType(ContentType.JSON).body(Map.of("personIds", tooMany))
                .post("/api/v1/plans/status/bulk").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("personIds"));
        given().contentType(ContentType.JSON).body(Map.of("personIds", List.of("nope")))
                .post("/api/v1/plans/status/bulk").then().statusCode(400)
                .body("violations[0].field", containsString("personIds"));
    }
}
