package dev.ascent.gateway.routing;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ascent.gateway.access.TestTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import com.github.tomakehurst.wiremock.http.Fault;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(WireMockBackends.class)
class PublicApiRouteTest {

    @WireMockBackends.Inject
    WireMockServer backend;

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void reset() {
        backend.resetAll();
    }

    @Test
    void forwardsACreateAndRewritesTheLocationToTheGateway() {
        String id = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + id + "\",\"name\":\"Ada\"}";
        backend.stubFor(post("/api/v1/people").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", backend.baseUrl() + "/api/v1/people/" + id)
                .withBody(body)));

        given().contentType(ContentType.JSON).header("Idempotency-Key", "k-1").header("Authorization", TestTokens.admin())
                .header("X-Ascent-Actor-Id", UUID.randomUUID().toString())
                .body("{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"level\":\"PM\"}")
                .when().post("/api/v1/people")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", is(gateway.toString() + "api/v1/people/" + id))
                .body("id", is(id))
                .body("name", is("Ada"));

        backend.verify(postRequestedFor(urlEqualTo("/api/v1/people"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("Idempotency-Key", equalTo("k-1"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+"))
                .withoutHeader("X-Ascent-Actor-Id")
                .withRequestBody(equalToJson("{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"level\":\"PM\"}")));
    }

    @Test
    void forwardsTheQueryStringAndRelaysTheAnswer() {
        backend.stubFor(get(urlPathEqualTo("/api/v1/people")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[],\"nextCursor\":null}")));

        given().header("Authorization", TestTokens.admin()).queryParam("limit", 5).queryParam("cursor", "abc")
                .get("/api/v1/people")
                .then().statusCode(200).body("items.size()", is(0));

        backend.verify(getRequestedFor(urlEqualTo("/api/v1/people?limit=5&cursor=abc")));
    }

    @Test
    void relaysAServiceProblemUntouched() {
        backend.stubFor(post("/api/v1/people").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:ascent:problem:email-taken\",\"status\":409}")));

        given().header("Authorization", TestTokens.admin()).contentType(ContentType.JSON).body("{}").post("/api/v1/people")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:ascent:problem:email-taken"));
    }

    @Test
    void anUnclaimedRouteIsAProblem() {
        given().get("/api/v1/nowhere/at/all").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:ascent:problem:not-found"))
                .body("detail", containsString("/api/v1/nowhere/at/all"));
    }

    @Test
    void anOperationNotInTheRouteTableIsA404ThatReachesNoService() {
        backend.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).willReturn(aResponse().withStatus(200)));
        String admin = TestTokens.admin();
        String person = UUID.randomUUID().toString();
        // a known path with a method the table does not list, a segment too many, a prefix, a trailing slash
        given().header("Authorization", admin).delete("/api/v1/people").then().statusCode(404)
                .contentType("application/problem+json").body("type", is("urn:ascent:problem:not-found"));
        given().header("Authorization", admin).get("/api/v1/people/" + person + "/readiness/extra").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", admin).get("/api/v1/peoplex").then().statusCode(404);
        given().header("Authorization", admin).get("/api/v1/people/").then().statusCode(404);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{}")
                .patch("/api/v1/people/" + person).then().statusCode(404);
        org.assertj.core.api.Assertions.assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void aForwardedCallIsCountedUnderItsOperationsPathTemplate() throws InterruptedException {
        String person = UUID.randomUUID().toString();
        backend.stubFor(get(urlPathEqualTo("/api/v1/people/" + person)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + person + "\"}")));
        given().header("Authorization", TestTokens.admin()).get("/api/v1/people/" + person).then().statusCode(200);

        // Recorded as the response ends, which may be just after the client has read it.
        Timer timer = null;
        for (int i = 0; i < 50 && timer == null; i++) {
            timer = metrics.find("http.server.requests").tag("uri", "/api/v1/people/{id}").tag("status", "200").timer();
            if (timer == null) {
                Thread.sleep(20);
            }
        }
        assertNotNull(timer, "no http.server.requests timer for /api/v1/people/{id}");
        assertTrue(timer.count() >= 1);
        assertTrue(metrics.find("http.server.requests").tag("uri", "/api/v1/people/" + person)
                .timers().isEmpty(), "a person's id must not become a metric's tag");
    }

    @Test
    void aPathIsMatchedAndForwardedInItsNormalisedForm() {
        backend.stubFor(get(urlPathEqualTo("/api/v1/people")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[]}")));
        given().header("Authorization", TestTokens.admin()).urlEncodingEnabled(false)
                .get("/api/v1/plans/../people?limit=2").then().statusCode(200);
        backend.verify(getRequestedFor(urlEqualTo("/api/v1/people?limit=2")));
    }

    @Test
    void aServiceThatIsDownIsA503NamingIt() {
        given().header("Authorization", TestTokens.admin()).get("/api/v1/evidence").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", is("5"))
                .body("type", is("urn:ascent:problem:service-unavailable"))
                .body("detail", containsString("evidence-service"));
    }

    private static final String FLAKY = "00000000-0000-4000-8000-00000000f1a7";

    @Test
    void aReadIsRetriedOnceButAWriteIsNot() {
        backend.stubFor(get("/api/v1/people/" + FLAKY).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("recovered"));
        backend.stubFor(get("/api/v1/people/" + FLAKY).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        given().header("Authorization", TestTokens.admin()).get("/api/v1/people/" + FLAKY).then().statusCode(200);
        backend.verify(2, getRequestedFor(urlEqualTo("/api/v1/people/" + FLAKY)));

        backend.stubFor(post("/api/v1/cycles").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().header("Authorization", TestTokens.admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/cycles").then().statusCode(503).contentType("application/problem+json");
        backend.verify(1, postRequestedFor(urlEqualTo("/api/v1/cycles")));
    }

    @Test
    void aServiceThatKeepsFailingIsPausedByItsCircuitBreaker() {
        String admin = TestTokens.admin();
        for (int i = 0; i < 25; i++) {
            given().header("Authorization", admin).get("/api/v1/integrations").then().statusCode(503);
        }
        given().header("Authorization", admin).get("/api/v1/integrations").then().statusCode(503)
                .body("detail", containsString("paused"));
    }

    @Test
    void aServiceThatIsTooSlowIsA504NamingIt() {
        backend.stubFor(get("/api/v1/plans").willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

        given().header("Authorization", TestTokens.admin()).get("/api/v1/plans").then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("detail", containsString("growth-plan-service"));
    }

    @Test
    void platformHealthReportsEveryServiceAndIsDownWhenOneIs() {
        backend.stubFor(get("/q/health/ready").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"UP\"}")));

        given().get("/api/v1/platform/health").then()
                .statusCode(503)
                .contentType(ContentType.JSON)
                .body("status", is("DOWN"))
                .body("services.find { it.name == 'gateway' }.status", is("UP"))
                .body("services.find { it.name == 'assessment-service' }.status", is("UP"))
                .body("services.find { it.name == 'growth-plan-service' }.status", is("UP"))
                .body("services.find { it.name == 'evidence-service' }.status", is("DOWN"))
                .body("services.name", hasItem("evidence-service"));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern containing(String text) {
        return com.github.tomakehurst.wiremock.client.WireMock.containing(text);
    }
}
