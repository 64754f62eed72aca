package dev.ascent.evidence.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.ascent.testsupport.Contracts;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * An event whose actor email belongs to someone in the directory is theirs without an identity link;
 * explicit links still win; the directory is asked once per batch and briefly remembered; when it is
 * down, events wait in the unmatched queue as before and nothing is lost.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(AssessmentServiceStub.class)
class DirectoryMatchingTest {

    private static final String BY_EMAIL = "/api/v1/people/by-email";

    @AssessmentServiceStub.Inject
    WireMockServer assessment;

    @Inject
    ObjectMapper json;

    String source;

    @BeforeEach
    void freshSourceAndDirectory() {
        assessment.resetAll();
        Contracts.serve(assessment, "framework-vocabulary");
        source = given().contentType(ContentType.JSON).body(Map.of("kind", "GENERIC", "name", "directory test"))
                .post("/api/v1/integrations").then().statusCode(201).extract().path("id");
        // events of type "delivery" become evidence by the default mapping rules
    }

    /** The directory knows exactly these people (emails as stored: lower case). */
    private void directoryKnows(Map<String, UUID> people) {
        String body = people.entrySet().stream()
                .map(e -> "{\"email\":\"" + e.getKey() + "\",\"personId\":\"" + e.getValue() + "\"}")
                .collect(Collectors.joining(",", "{\"people\":[", "]}"));
        assessment.stubFor(post(BY_EMAIL).willReturn(okJson(body)));
    }

    private static String email(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static Map<String, Object> event(String actorEmail, String title) {
        Map<String, Object> e = new HashMap<>();
        e.put("externalId", "evt-" + UUID.randomUUID());
        e.put("type", "delivery");
        e.put("occurredAt", "2026-10-02T14:00:00Z");
        e.put("actorEmail", actorEmail);
        e.put("title", title);
        return e;
    }

    @SafeVarargs
    private ValidatableResponse push(Map<String, Object>... events) throws Exception {
        return given().contentType(ContentType.JSON).body(json.writeValueAsBytes(List.of(events)))
                .post("/api/v1/ingest/{id}/events", source).then().statusCode(202);
    }

    private static ValidatableResponse evidenceOf(UUID person) {
        return given().queryParam("personId", person).get("/api/v1/evidence").then().statusCode(200);
    }

    @Test
    void anActorEmailInTheDirectoryIsMatchedWithoutALinkWhateverItsCase() throws Exception {
        UUID ada = UUID.randomUUID();
        String adaEmail = email("ada");
        directoryKnows(Map.of(adaEmail, ada));

        push(event(adaEmail.toUpperCase(java.util.Locale.ROOT), "Shipped the billing export"))
                .body("evidence", equalTo(1)).body("unmatched", equalTo(0));

        evidenceOf(ada).body("items.title", contains("Shipped the billing export"))
                .body("items[0].status", equalTo("SUGGESTED"))
                .body("items[0].source", equalTo("GENERIC"));
        assessment.verify(1, postRequestedFor(urlEqualTo(BY_EMAIL))
                .withRequestBody(matchingJsonPath("$.emails[0]", com.github.tomakehurst.wiremock.client.WireMock.equalTo(adaEmail)))
                // the batch's gateway token is passed on: assessment-service takes nothing else
                .withHeader("Authorization", matching("Bearer .+")));
        given().get("/api/v1/integrations/{id}/unmatched", source).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void anExplicitLinkWinsOverTheDirectory() throws Exception {
        UUID inDirectory = UUID.randomUUID();
        UUID linked = UUID.randomUUID();
        String shared = email("shared");
        directoryKnows(Map.of(shared, inDirectory));
        given().contentType(ContentType.JSON).body(Map.of("externalId", shared, "personId", linked.toString()))
                .post("/api/v1/integrations/{id}/identity-links", source).then().statusCode(201);

        push(event(shared, "Shipped the team calendar")).body("evidence", equalTo(1));

        evidenceOf(linked).body("items.title", contains("Shipped the team calendar"));
        evidenceOf(inDirectory).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aBatchAsksOnceForAllItsEmailsAndTheAnswerIsRemembered() throws Exception {
        UUID ada = UUID.randomUUID();
        UUID grace = UUID.randomUUID();
        String adaEmail = email("ada");
        String graceEmail = email("grace");
        String nobody = email("nobody");
        directoryKnows(Map.of(adaEmail, ada, graceEmail, grace));

        push(event(adaEmail, "One"), event(graceEmail, "Two"), event(adaEmail, "Three"), event(nobody, "Four"),
                event(nobody, "Five"))
                .body("evidence", equalTo(3)).body("unmatched", equalTo(2));
        assessment.verify(1, postRequestedFor(urlEqualTo(BY_EMAIL)));
        assessment.verify(postRequestedFor(urlEqualTo(BY_EMAIL))
                .withRequestBody(matchingJsonPath("$.emails.length()", com.github.tomakehurst.wiremock.client.WireMock.equalTo("3"))));

        // known and unknown answers alike are reused for a while: no second call
        push(event(graceEmail, "Six"), event(nobody, "Seven")).body("evidence", equalTo(1)).body("unmatched", equalTo(1));
        assessment.verify(1, postRequestedFor(urlEqualTo(BY_EMAIL)));
        evidenceOf(grace).body("items.title", org.hamcrest.Matchers.containsInAnyOrder("Two", "Six"));
    }

    @Test
    void whenTheDirectoryIsDownEventsWaitUnmatchedAndNothingIsLost() throws Exception {
        UUID ada = UUID.randomUUID();
        String adaEmail = email("ada");
        assessment.stubFor(post(BY_EMAIL).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        push(event(adaEmail, "Shipped while the directory was down")).body("evidence", equalTo(0))
                .body("unmatched", equalTo(1));
        given().get("/api/v1/integrations/{id}/unmatched", source).then().statusCode(200)
                .body("items[0].externalId", equalTo(adaEmail));

        // the queue releases the event once someone links the identity, as it always has
        given().contentType(ContentType.JSON).body(Map.of("externalId", adaEmail, "personId", ada.toString()))
                .post("/api/v1/integrations/{id}/identity-links", source).then().statusCode(201);
        evidenceOf(ada).body("items.title", contains("Shipped while the directory was down"));
    }

    @Test
    void aSlowDirectoryIsGivenUpOnQuickly() throws Exception {
        assessment.stubFor(post(BY_EMAIL).willReturn(okJson("{\"people\":[]}").withFixedDelay(5_000)));
        long started = System.nanoTime();
        push(event(email("slow"), "Shipped despite a slow directory")).body("unmatched", equalTo(1));
        org.assertj.core.api.Assertions.assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_500);
    }
}
