package dev.ascent.gateway.me;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.ascent.gateway.access.TestTokens;
import dev.ascent.gateway.report.ReportBackends;
import dev.ascent.gateway.changes.Notify;
import dev.ascent.gateway.changes.PeopleChanges;
import dev.ascent.kit.answers.IncompleteAnswers;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(ReportBackends.class)
class MyOverviewResourceTest {

    static final UUID ME = UUID.fromString("00000000-0000-4000-8000-0000000000ee");
    static final UUID PLAN = UUID.fromString("00000000-0000-4000-8000-0000000000ff");
    /** The plan without the readiness it was generated from: the overview shows readiness as it is now. */
    static final String CURRENT_PLAN = "/api/v1/plans/current?personId=" + ME + "&readinessSnapshot=false";

    @ReportBackends.Inject
    WireMockServer services;

    @Inject
    AgroalDataSource database;

    @Inject
    PeopleChanges changes;

    @BeforeEach
    void stubs() {
        // Each test starts with nothing kept, as if everyone's data had changed.
        notifyChanged("*");
        services.resetAll();
        json(get("/api/v1/people/" + ME + "/with-readiness"), "{\"person\":{\"id\":\"" + ME + "\",\"name\":\"Me\",\"level\":\"PM\"},"
                + "\"readiness\":{\"targetLevel\":\"SENIOR_PM\",\"readinessPercent\":64,\"status\":\"EMERGING\"},"
                + "\"readinessUnavailable\":null}");
        json(get(CURRENT_PLAN), "{\"id\":\"" + PLAN + "\",\"status\":\"ACTIVE\",\"progressPercent\":30}");
        json(get(urlPathEqualTo("/api/v1/evidence")), "{\"items\":[{\"title\":\"Shipped search\"},{\"title\":\"Ran interviews\"}],\"nextCursor\":null}");
    }

    private void notifyChanged(String payload) {
        Notify.changed(database, changes, payload);
    }

    private String recentTitles() {
        return given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200).extract().jsonPath().getList("recentEvidence.title").toString();
    }

    @Test
    void anOverviewIsKeptUntilSomethingOfThePersonsChanges() {
        assertThat(recentTitles()).isEqualTo("[Shipped search, Ran interviews]");
        json(get(urlPathEqualTo("/api/v1/evidence")), "{\"items\":[{\"title\":\"Mentored\"}],\"nextCursor\":null}");

        assertThat(recentTitles()).as("kept: nothing of theirs was said to change").isEqualTo("[Shipped search, Ran interviews]");
        notifyChanged(UUID.randomUUID() + "," + UUID.randomUUID());
        assertThat(recentTitles()).as("someone else's change").isEqualTo("[Shipped search, Ran interviews]");
        notifyChanged(UUID.randomUUID() + "," + ME);
        assertThat(recentTitles()).isEqualTo("[Mentored]");
        json(get(urlPathEqualTo("/api/v1/evidence")), "{\"items\":[{\"title\":\"Coached\"}],\"nextCursor\":null}");
        notifyChanged("*");
        assertThat(recentTitles()).isEqualTo("[Coached]");
        services.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/evidence")));
    }

    @Test
    void anIncompletePartIsNeverKept() {
        services.stubFor(get(CURRENT_PLAN).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withHeader(IncompleteAnswers.HEADER, "true")
                .withBody("{\"id\":\"" + PLAN + "\",\"progressStale\":true,\"progressPercent\":null}")));
        given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200).body("activePlan.progressStale", equalTo(true));

        json(get(CURRENT_PLAN), "{\"id\":\"" + PLAN + "\",\"progressStale\":false,\"progressPercent\":40}");
        given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200).body("activePlan.progressPercent", equalTo(40));
    }

    @Test
    void anOverviewWithAPartMissingIsNeverKept() {
        services.stubFor(get(urlPathEqualTo("/api/v1/evidence")).willReturn(aResponse().withStatus(503)));
        given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200).body("unavailable", contains("recentEvidence"));

        json(get(urlPathEqualTo("/api/v1/evidence")), "{\"items\":[{\"title\":\"Mentored\"}],\"nextCursor\":null}");
        assertThat(recentTitles()).isEqualTo("[Mentored]");
    }

    @Test
    void theTopOfTheLadderIsKeptLikeAnyWholeAnswer() {
        json(get("/api/v1/people/" + ME + "/with-readiness"), "{\"person\":{\"id\":\"" + ME + "\",\"name\":\"Me\",\"level\":\"CPO\"},"
                + "\"readiness\":null,\"readinessUnavailable\":\"the person is at the top of the ladder\"}");
        assertThat(recentTitles()).isEqualTo("[Shipped search, Ran interviews]");
        assertThat(recentTitles()).isEqualTo("[Shipped search, Ran interviews]");
        services.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/evidence")));
    }

    private void json(com.github.tomakehurst.wiremock.client.MappingBuilder request, String body) {
        services.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void everythingAboutMeInOneCall() {
        given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200)
                .body("personId", equalTo(ME.toString()))
                .body("profile.name", equalTo("Me"))
                .body("readiness.readinessPercent", equalTo(64))
                .body("activePlan.id", equalTo(PLAN.toString()))
                .body("activePlan.progressPercent", equalTo(30))
                .body("recentEvidence.title", contains("Shipped search", "Ran interviews"))
                .body("unavailable.size()", equalTo(0));
    }

    @Test
    void aServiceDownLeavesItsPartOut() {
        services.stubFor(get(urlPathEqualTo("/api/v1/evidence")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        services.stubFor(get(CURRENT_PLAN).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));

        given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200)
                .body("activePlan", nullValue())
                .body("recentEvidence", nullValue())
                .body("unavailable", contains("recentEvidence"))
                .body("readiness.status", equalTo("EMERGING"));
    }

    @Test
    void noCurrentPlanIsNullButAFailingPlanServiceIsUnavailable() {
        services.stubFor(get(CURRENT_PLAN).willReturn(aResponse().withStatus(503)));

        given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200)
                .body("activePlan", nullValue())
                .body("unavailable", contains("activePlan"));
    }

    @Test
    void aProfileWithoutReadinessNamesReadinessUnavailable() {
        json(get("/api/v1/people/" + ME + "/with-readiness"), "{\"person\":{\"id\":\"" + ME + "\",\"name\":\"Me\",\"level\":\"CPO\"},"
                + "\"readiness\":null,\"readinessUnavailable\":\"the person is at the top of the ladder\"}");

        given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200)
                .body("profile.level", equalTo("CPO"))
                .body("readiness", nullValue())
                .body("unavailable", contains("readiness"));
    }

    @Test
    void assessmentServiceDownLeavesProfileAndReadinessOut() {
        services.stubFor(get("/api/v1/people/" + ME + "/with-readiness").willReturn(aResponse().withStatus(503)));

        given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200)
                .body("profile", nullValue())
                .body("readiness", nullValue())
                .body("activePlan.id", equalTo(PLAN.toString()))
                .body("unavailable", contains("profile", "readiness"));
    }

    @Test
    void thePartsAreTheServicesOwnValuesWhateverTheyHold() {
        // Escapes, non-ASCII text, numbers as written, nesting, empty containers and members the overview leaves out.
        String person = "{\"id\":\"" + ME + "\",\"name\":\"Zoë \\\"Z\\\" Ørsted \\u00e9 \\\\ 漢字 🚀\",\"level\":\"PM\","
                + "\"tags\":[[],{},[1,-2.50e3,true,false,null]],\"score\":1.10}";
        String readiness = "{ \"readinessPercent\" : 64 , \"status\":\"}{\\\"][\" }";
        json(get("/api/v1/people/" + ME + "/with-readiness"), "{\"unknown\":{\"a\":[1,{\"b\":\"}\"}]},\"person\":" + person
                + ",\"readiness\":" + readiness + ",\"readinessUnavailable\":null,\"after\":\"x\"}");
        String plan = "{\"id\":\"" + PLAN + "\",\"readinessSnapshot\":null,\"title\":\"π ≈ 3.14\"}";
        json(get(CURRENT_PLAN), plan);
        String items = "[{\"title\":\"Shipped \\\"search\\\"\"},{\"title\":\"Ran interviews\",\"links\":[]}]";
        json(get(urlPathEqualTo("/api/v1/evidence")), "{\"nextCursor\":\"abc\",\"items\":" + items + "}");

        String answer = given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200).contentType("application/json").extract().asString();

        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            var tree = mapper.readTree(answer);
            org.assertj.core.api.Assertions.assertThat(tree.get("profile")).isEqualTo(mapper.readTree(person));
            org.assertj.core.api.Assertions.assertThat(tree.get("readiness")).isEqualTo(mapper.readTree(readiness));
            org.assertj.core.api.Assertions.assertThat(tree.get("activePlan")).isEqualTo(mapper.readTree(plan));
            org.assertj.core.api.Assertions.assertThat(tree.get("recentEvidence")).isEqualTo(mapper.readTree(items));
            org.assertj.core.api.Assertions.assertThat(tree.get("unavailable")).isEmpty();
            org.assertj.core.api.Assertions.assertThat(tree.get("profile").get("name").asText())
                    .isEqualTo("Zoë \"Z\" Ørsted é \\ 漢字 🚀");
        } catch (java.io.IOException e) {
            throw new AssertionError(answer, e);
        }
    }

    @Test
    void anAnswerThatIsNotOneJsonObjectLeavesItsPartOut() {
        json(get(CURRENT_PLAN), "{\"id\":\"" + PLAN + "\",\"status\":");
        json(get(urlPathEqualTo("/api/v1/evidence")), "{\"items\":[]} {\"items\":[1]}");
        json(get("/api/v1/people/" + ME + "/with-readiness"), "[{\"person\":{}}]");

        given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200)
                .body("profile", nullValue())
                .body("activePlan", nullValue())
                .body("recentEvidence", nullValue())
                .body("unavailable", contains("profile", "readiness", "activePlan", "recentEvidence"));

        json(get(CURRENT_PLAN), "null");
        json(get(urlPathEqualTo("/api/v1/evidence")), "{\"nextCursor\":null}");
        given().header("Authorization", TestTokens.bearer(ME, "member")).get("/api/v1/me/overview").then()
                .statusCode(200)
                .body("unavailable", contains("profile", "readiness", "activePlan", "recentEvidence"));
    }

    @Test
    void needsAToken() {
        given().get("/api/v1/me/overview").then().statusCode(401).contentType("application/problem+json");
    }
}
