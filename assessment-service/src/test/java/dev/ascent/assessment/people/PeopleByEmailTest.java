package dev.ascent.assessment.people;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The directory by email, in bulk: what evidence-service matches event actors with. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class PeopleByEmailTest {

    private static String create(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Someone", "email", email, "level", "PM"))
                .post("/api/v1/people").then().statusCode(201).extract().path("id");
    }

    @Test
    void findsEveryKnownEmailInOneCallWhateverItsCase() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ada = create("Ada." + tag + "@Example.com");
        String grace = create("grace." + tag + "@example.com");

        given().contentType(ContentType.JSON)
                .body(Map.of("emails", List.of("ADA." + tag + "@example.COM", " grace." + tag + "@example.com ",
                        "nobody." + tag + "@example.com")))
                .post("/api/v1/people/by-email").then().statusCode(200)
                .body("people", hasSize(2))
                .body("people.email", containsInAnyOrder("ada." + tag + "@example.com", "grace." + tag + "@example.com"))
                .body("people.personId", containsInAnyOrder(ada, grace));
    }

    @Test
    void onlyIntegrationsAdminsAndTheGatewayMayAsk() {
        String member = create("member." + UUID.randomUUID() + "@example.com");
        given().contentType(ContentType.JSON).header("X-Ascent-Actor-Id", member)
                .body(Map.of("emails", List.of("a@example.com")))
                .post("/api/v1/people/by-email").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anEmptyOrMissingListIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("emails", List.of()))
                .post("/api/v1/people/by-email").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("emails"));
    }

    @Test
    void itIsNotPartOfThePublicDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/people/by-email'", org.hamcrest.Matchers.nullValue());
    }
}
