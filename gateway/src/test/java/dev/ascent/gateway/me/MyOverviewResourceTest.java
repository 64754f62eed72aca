package dev.ascent.gateway.me;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.ascent.gateway.access.TestTokens;
import dev.ascent.gateway.report.ReportBackends;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(ReportBackends.class)
class MyOverviewResourceTest {

    static final UUID ME = UUID.fromString("00000000-0000-4000-8000-0000000000ee");
    static final UUID PLAN = UUID.fromString("00000000-0000-4000-8000-0000000000ff");

    @ReportBackends.Inject
    WireMockServer services;

    @BeforeEach
    void stubs() {
        services.resetAll();
        json(get("/api/v1/people/" + ME + "/with-readiness"), "{\"person\":{\"id\":\"" + ME + "\",\"name\":\"Me\",\"level\":\"PM\"},"
                + "\"readiness\":{\"targetLevel\":\"SENIOR_PM\",\"readinessPercent\":64,\"status\":\"EMERGING\"},"
                + "\"readinessUnavailable\":null}");
        json(get("/api/v1/plans/current?personId=" + ME), "{\"id\":\"" + PLAN + "\",\"status\":\"ACTIVE\",\"progressPercent\":30}");
        json(get(urlPathEqualTo("/api/v1/evidence")), "{\"items\":[{\"title\":\"Shipped search\"},{\"title\":\"Ran interviews\"}],\"nextCursor\":null}");
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
        services.stubFor(get("/api/v1/plans/current?personId=" + ME).willReturn(aResponse().withStatus(404)
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
        services.stubFor(get("/api/v1/plans/current?personId=" + ME).willReturn(aResponse().withStatus(503)));

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
    void needsAToken() {
        given().get("/api/v1/me/overview").then().statusCode(401).contentType("application/problem+json");
    }
}
