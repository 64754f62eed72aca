package dev.ascent.assessment.promotion;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.ascent.assessment.support.Api.as;
import static dev.ascent.assessment.support.Api.calibrate;
import static dev.ascent.assessment.support.Api.cycle;
import static dev.ascent.assessment.support.Api.person;
import static dev.ascent.assessment.support.Api.submitted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class PromotionCaseResourceTest {

    private static final String CASES = "/api/v1/promotion-cases";
    private static final String NEXT_PLAN = "7d0c1f9e-0000-4000-8000-0000000000aa";

    @EvidenceServiceStub.Inject
    WireMockServer remote;

    @Inject
    AgroalDataSource dataSource;

    String vp;
    String director;
    String pm;
    String stranger;

    @BeforeEach
    void line() {
        remote.resetAll();
        vp = person("Vera Vp", "VP", null);
        director = person("Dana Director", "DIRECTOR", vp);
        pm = person("Pat Pm", "PM", director);
        stranger = person("Sam Stranger", "DIRECTOR", null);
        String cycle = cycle(pm);
        submitted(pm, cycle, pm, "SELF", Map.of("customer-discovery", 4, "influence", 4));
        submitted(director, cycle, pm, "MANAGER", Map.of("customer-discovery", 3, "influence", 2));
        calibrate(director, pm, "customer-discovery", 4);
        evidence(pm, director);
        remote.stubFor(post("/api/v1/plans").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + NEXT_PLAN + "\",\"status\":\"DRAFT\",\"targetLevel\":\"PRINCIPAL_PM\"}")));
        remote.stubFor(put("/api/v1/plans/" + NEXT_PLAN + "/status").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + NEXT_PLAN + "\",\"status\":\"ACTIVE\",\"targetLevel\":\"PRINCIPAL_PM\"}")));
    }

    /** Two items count for customer discovery (one verified by the director, with links); one weighs nothing. */
    private void evidence(String personId, String verifier) {
        remote.stubFor(post("/api/v1/evidence/strength")
                .withRequestBody(matchingJsonPath("$.personIds[0]", WireMock.equalTo(personId)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"asOf":"2026-11-24","people":[{"personId":"%s","competencies":[
                          {"competency":"customer-discovery","confirmed":1,"verified":1,"stale":1,"weightedStrength":1.7,
                           "lastOccurredAt":"2026-10-02","items":[
                             {"id":"7d0c1f9e-0000-4000-8000-000000000001","title":"Ran five discovery interviews",
                              "kind":"CUSTOMER_DISCOVERY_SESSION","status":"VERIFIED","occurredAt":"2026-10-02",
                              "verificationFactor":1.0,"recencyFactor":1.0,"weight":1.0,
                              "links":["https://docs.example.com/interviews","https://calls.example.com/rec/42"],
                              "verifiedBy":"%s"},
                             {"id":"7d0c1f9e-0000-4000-8000-000000000002","title":"Synthesis of churn calls",
                              "kind":"CUSTOMER_DISCOVERY_SESSION","status":"CONFIRMED","occurredAt":"2026-09-01",
                              "verificationFactor":0.7,"recencyFactor":1.0,"weight":0.7,
                              "links":["https://docs.example.com/churn-synthesis"],"verifiedBy":null},
                             {"id":"7d0c1f9e-0000-4000-8000-000000000003","title":"Old survey",
                              "kind":"CUSTOMER_DISCOVERY_SESSION","status":"CONFIRMED","occurredAt":"2023-01-01",
                              "verificationFactor":0.7,"recencyFactor":0.0,"weight":0.0,
                              "links":["https://docs.example.com/stale"],"verifiedBy":null}]}]}]}
                        """.formatted(personId, verifier))));
    }

    private static RequestSpecification adminPerson(String personId) {
        return given().contentType(ContentType.JSON).header("Authorization", GatewayTokens.bearer(personId, "admin"));
    }

    private String open(String actor, String personId) {
        return as(actor).body(Map.of("personId", personId)).post(CASES).then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
    }

    private static Map<String, String> narrative(String who) {
        return Map.of("whatIDid", who + " led the discovery programme",
                "impact", who + " saw churn fall", "whatNext", who + " would own pricing");
    }

    private String toReview(String id) {
        as(pm).body(narrative("Pat")).put(CASES + "/{id}/narrative", id).then().statusCode(200);
        as(director).body(narrative("Dana")).put(CASES + "/{id}/narrative", id).then().statusCode(200);
        as(pm).post(CASES + "/{id}/submit", id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        as(director).body(Map.of("reviewerId", vp)).post(CASES + "/{id}/reviewers", id).then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"));
        return id;
    }

    @Test
    void aCaseAssemblesItselfFromTheRecordAndIsArguedReviewedAndDecided() {
        String id = open(director, pm);
        ExtractableResponse<Response> opened = as(pm).get(CASES + "/{id}", id).then().statusCode(200)
                .body("person.name", equalTo("Pat Pm"))
                .body("openedBy.name", equalTo("Dana Director"))
                .body("fromLevel", equalTo("PM"))
                .body("targetLevel", equalTo("SENIOR_PM"))
                .body("snapshot.targetLevel", equalTo("SENIOR_PM"))
                .body("allowed", containsInAnyOrder("WRITE_PERSON_NARRATIVE", "REFRESH_SNAPSHOT", "SUBMIT"))
                .extract();
        String discovery = "snapshot.competencies.find { it.competency == 'customer-discovery' }.";
        assertThat((Integer) opened.path(discovery + "selfRating")).isEqualTo(4);
        assertThat((Integer) opened.path(discovery + "managerRating")).isEqualTo(3);
        assertThat((Integer) opened.path(discovery + "calibratedRating")).isEqualTo(4);
        assertThat((String) opened.path(discovery + "calibration.rationale")).isEqualTo("Calibrated in the review meeting");
        assertThat((String) opened.path(discovery + "calibration.by.name")).isEqualTo("Dana Director");
        // the evidence that counted, heaviest first, with its links and who verified it; the stale item is left out
        assertThat((List<String>) opened.path(discovery + "evidence.title"))
                .containsExactly("Ran five discovery interviews", "Synthesis of churn calls");
        assertThat((List<String>) opened.path(discovery + "evidence[0].links"))
                .containsExactly("https://docs.example.com/interviews", "https://calls.example.com/rec/42");
        assertThat((String) opened.path(discovery + "evidence[0].verifiedBy.name")).isEqualTo("Dana Director");
        assertThat((Object) opened.path(discovery + "evidence[1].verifiedBy")).isNull();
        assertThat((List<String>) opened.path("narratives.role")).containsExactly("PERSON", "MANAGER");
        assertThat((String) opened.path("narratives[0].prompts.whatIDid")).startsWith("What did you do?");

        // strangers do not learn that it exists; a second undecided case is refused
        as(stranger).get(CASES + "/{id}", id).then().statusCode(404);
        as(pm).body(Map.of("personId", pm)).post(CASES).then().statusCode(409)
                .body("violations[0].field", equalTo("personId"));
        as(stranger).body(Map.of("personId", pm)).post(CASES).then().statusCode(403);

        as(pm).post(CASES + "/{id}/submit", id).then().statusCode(409)
                .body("violations.field", contains("narratives.PERSON", "narratives.MANAGER"));
        as(pm).body(narrative("Pat")).put(CASES + "/{id}/narrative", id).then().statusCode(200)
                .body("narratives[0].author.name", equalTo("Pat Pm"));
        as(director).body(Map.of("whatIDid", "Led discovery", "impact", " ", "whatNext", "Pricing"))
                .put(CASES + "/{id}/narrative", id).then().statusCode(200);
        as(pm).post(CASES + "/{id}/submit", id).then().statusCode(409)
                .body("violations.field", contains("narratives.MANAGER.impact"));
        // nobody edits another's narrative: the VP is above too, but the director wrote the manager's
        as(vp).body(narrative("Vera")).put(CASES + "/{id}/narrative", id).then().statusCode(403);
        as(stranger).body(narrative("Sam")).put(CASES + "/{id}/narrative", id).then().statusCode(404);
        as(director).body(narrative("Dana")).put(CASES + "/{id}/narrative", id).then().statusCode(200)
                .body("narratives[1].impact", equalTo("Dana saw churn fall"));
        as(pm).post(CASES + "/{id}/submit", id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        as(pm).body(narrative("Pat again")).put(CASES + "/{id}/narrative", id).then().statusCode(409);

        // who may be invited: the managers above, nearest first, offered only to those who may invite
        as(director).get(CASES + "/{id}", id).then().statusCode(200)
                .body("reviewerCandidates.name", contains("Dana Director", "Vera Vp"));
        as(pm).get(CASES + "/{id}", id).then().statusCode(200).body("reviewerCandidates", org.hamcrest.Matchers.empty());
        as(pm).body(Map.of("reviewerId", vp)).post(CASES + "/{id}/reviewers", id).then().statusCode(403);
        as(director).body(Map.of("reviewerId", stranger)).post(CASES + "/{id}/reviewers", id).then().statusCode(400)
                .body("violations[0].field", equalTo("reviewerId"));
        as(director).body(Map.of("reviewerId", vp)).post(CASES + "/{id}/reviewers", id).then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("reviewers[0].reviewer.name", equalTo("Vera Vp"))
                .body("reviewerCandidates.name", contains("Dana Director"));

        String comment = as(vp).body(Map.of("body", "Strong discovery record; influence is thin"))
                .post(CASES + "/{id}/comments", id).then().statusCode(200)
                .body("comments[0].author.name", equalTo("Vera Vp")).extract().path("comments[0].id");
        as(pm).body(Map.of("body", "Me too")).post(CASES + "/{id}/comments", id).then().statusCode(403);
        as(director).body(Map.of("body", "Not invited")).post(CASES + "/{id}/comments", id).then().statusCode(403);
        adminPerson(stranger).body(Map.of("body", "Rewritten")).put(CASES + "/{id}/comments/{c}", id, comment)
                .then().statusCode(403);
        as(vp).body(Map.of("body", "Strong discovery record; influence is growing"))
                .put(CASES + "/{id}/comments/{c}", id, comment).then().statusCode(200)
                .body("comments[0].body", equalTo("Strong discovery record; influence is growing"));

        as(pm).body(Map.of("outcome", "PROMOTED", "rationale", "I am ready")).post(CASES + "/{id}/decision", id)
                .then().statusCode(403);
        as(vp).body(Map.of("outcome", "NOT_YET", "rationale", "Not yet")).post(CASES + "/{id}/decision", id)
                .then().statusCode(400).body("violations[0].field", equalTo("gaps"));
        as(vp).body(Map.of("outcome", "PROMOTED", "rationale", "Operates at senior level across discovery and delivery"))
                .post(CASES + "/{id}/decision", id).then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("decision.outcome", equalTo("PROMOTED"))
                .body("decision.decidedBy.name", equalTo("Vera Vp"))
                .body("nextPlan.planId", equalTo(NEXT_PLAN))
                .body("nextPlan.problem", nullValue())
                .body("allowed", org.hamcrest.Matchers.empty())
                .body("history.action", contains("OPENED", "NARRATIVE_WRITTEN", "NARRATIVE_WRITTEN",
                        "NARRATIVE_WRITTEN", "SUBMITTED", "REVIEWER_INVITED", "COMMENTED", "COMMENT_EDITED",
                        "DECIDED", "LEVEL_MOVED", "NEXT_PLAN_BEGAN"))
                .body("history.actor.name", hasItem("Vera Vp"));

        // promoted: the directory moves the person's level and target, and the next plan began, active
        given().get("/api/v1/people/{id}", pm).then().statusCode(200)
                .body("level", equalTo("SENIOR_PM"))
                .body("targetLevel", equalTo("PRINCIPAL_PM"));
        remote.verify(postRequestedFor(urlEqualTo("/api/v1/plans"))
                .withRequestBody(matchingJsonPath("$.personId", WireMock.equalTo(pm)))
                .withRequestBody(matchingJsonPath("$.targetLevel", WireMock.equalTo("PRINCIPAL_PM")))
                .withHeader("Authorization", WireMock.matching("Bearer .+")));
        remote.verify(putRequestedFor(urlEqualTo("/api/v1/plans/" + NEXT_PLAN + "/status"))
                .withRequestBody(matchingJsonPath("$.status", WireMock.equalTo("ACTIVE"))));

        // a decided case is immutable, through the API and in the database
        as(vp).body(Map.of("body", "Late thought")).post(CASES + "/{id}/comments", id).then().statusCode(409);
        as(vp).body(Map.of("outcome", "NOT_YET", "rationale", "Changed my mind",
                        "gaps", List.of(Map.of("competency", "influence"))))
                .post(CASES + "/{id}/decision", id).then().statusCode(409);
        as(director).body(Map.of("reviewerId", vp)).post(CASES + "/{id}/reviewers", id).then().statusCode(409);
        assertThatThrownBy(() -> sql("UPDATE assessment.promotion_case SET decision_rationale = 'forged' WHERE id = '"
                + id + "'")).hasMessageContaining("is decided and cannot change");
        assertThatThrownBy(() -> sql("UPDATE assessment.promotion_comment SET body = 'forged' WHERE case_id = '"
                + id + "'")).hasMessageContaining("is decided and cannot change");
    }

    @Test
    void notYetNamesTheGapsAndLeavesTheLevelAndPlanAlone() {
        String id = toReview(open(pm, pm));
        as(vp).body(Map.of("outcome", "NOT_YET", "rationale", "Close, not yet",
                        "gaps", List.of(Map.of("competency", "astrology"))))
                .post(CASES + "/{id}/decision", id).then().statusCode(400)
                .body("violations[0].field", equalTo("gaps[0].competency"));
        as(vp).body(Map.of("outcome", "NOT_YET", "rationale", "Close, not yet",
                        "gaps", List.of(Map.of("competency", "influence", "note", "Lead the pricing review"),
                                Map.of("competency", "customer-discovery"))))
                .post(CASES + "/{id}/decision", id).then().statusCode(200)
                .body("decision.outcome", equalTo("NOT_YET"))
                .body("decision.gaps.competency", contains("influence", "customer-discovery"))
                .body("decision.gaps[0].note", equalTo("Lead the pricing review"))
                .body("nextPlan", nullValue());
        given().get("/api/v1/people/{id}", pm).then().statusCode(200).body("level", equalTo("PM"));
        remote.verify(0, postRequestedFor(urlEqualTo("/api/v1/plans")));
        // decided, so a new case may be opened
        open(pm, pm);
    }

    @Test
    void thePromotionStandsWhenTheNextPlanCannotBegin() {
        remote.stubFor(post("/api/v1/plans").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Service unavailable\",\"detail\":\"evidence-service is unavailable\"}")));
        String id = toReview(open(director, pm));
        as(vp).body(Map.of("outcome", "PROMOTED", "rationale", "Ready")).post(CASES + "/{id}/decision", id)
                .then().statusCode(200)
                .body("decision.outcome", equalTo("PROMOTED"))
                .body("nextPlan.planId", nullValue())
                .body("nextPlan.problem", equalTo("growth-plan-service answered 503: evidence-service is unavailable"));
        given().get("/api/v1/people/{id}", pm).then().statusCode(200).body("level", equalTo("SENIOR_PM"));
    }

    @Test
    void casesAreListedToThoseWhoMaySeeThem() {
        String id = open(director, pm);
        as(pm).get(CASES).then().statusCode(200).body("items.id", contains(id))
                .body("items[0].person.name", equalTo("Pat Pm"));
        as(vp).queryParam("personId", pm).get(CASES).then().statusCode(200).body("items.id", contains(id));
        as(stranger).get(CASES).then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        given().queryParam("status", "DRAFT").get(CASES).then().statusCode(200).body("items.id", hasItem(id));
        given().queryParam("status", "DECIDED").queryParam("personId", pm).get(CASES).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        given().queryParam("status", "LOST").get(CASES).then().statusCode(400);
    }

    @Test
    void openingChecksTheTargetAndNeedsEvidence() {
        as(director).body(Map.of("personId", pm, "targetLevel", "APM")).post(CASES).then().statusCode(400)
                .body("violations[0].field", equalTo("targetLevel"));
        as(director).body(Map.of("personId", pm, "targetLevel", "ASTRONAUT")).post(CASES).then().statusCode(400)
                .body("violations[0].field", equalTo("targetLevel"));
        as(director).body(Map.of("personId", java.util.UUID.randomUUID().toString())).post(CASES).then()
                .statusCode(400).body("violations[0].field", equalTo("personId"));
        remote.stubFor(post("/api/v1/evidence/strength").willReturn(aResponse().withStatus(500)));
        as(director).body(Map.of("personId", pm)).post(CASES).then().statusCode(503);
    }

    @Test
    void theExportsCarryTheWholeCaseAndEveryEvidenceLink() throws Exception {
        String id = open(director, pm);
        as(pm).body(Map.of("whatIDid", "# Not a heading [click](https://evil.example.com)",
                "impact", "Churn fell 12% after the interviews", "whatNext", "Own pricing"))
                .put(CASES + "/{id}/narrative", id).then().statusCode(200);

        String markdown = as(vp).accept("text/markdown").get(CASES + "/{id}/export.md", id).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"promotion-case-pat-pm-senior-pm.md\"")
                .extract().asString();
        assertThat(markdown).startsWith("# Promotion case: Pat Pm, PM to SENIOR\\_PM");
        assertThat(markdown).contains("- Link: <https://docs.example.com/interviews>",
                "- Link: <https://calls.example.com/rec/42>", "- Link: <https://docs.example.com/churn-synthesis>",
                "verified by Dana Director", "Calibrated to 4 by Dana Director: Calibrated in the review meeting",
                "\\# Not a heading \\[click\\]\\(https://evil.example.com\\)", "Churn fell 12% after the interviews");
        assertThat(markdown).doesNotContain("https://docs.example.com/stale");

        byte[] pdf = as(vp).accept("application/pdf").get(CASES + "/{id}/export.pdf", id).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Promotion case: Pat Pm, PM to SENIOR_PM", "Ran five discovery interviews",
                    "https://docs.example.com/interviews", "https://calls.example.com/rec/42",
                    "https://docs.example.com/churn-synthesis", "verified by Dana Director",
                    "Churn fell 12% after the interviews", "The manager's narrative (not written)");
            List<String> uris = new ArrayList<>();
            for (var page : document.getPages()) {
                for (var annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        uris.add(uri.getURI());
                    }
                }
            }
            assertThat(uris).contains("https://docs.example.com/interviews", "https://calls.example.com/rec/42",
                    "https://docs.example.com/churn-synthesis");
        }
        as(stranger).get(CASES + "/{id}/export.pdf", id).then().statusCode(404);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var st = connection.createStatement()) {
            st.executeUpdate(statement);
        }
    }
}
