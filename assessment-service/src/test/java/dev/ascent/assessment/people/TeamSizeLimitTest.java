package dev.ascent.assessment.people;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The largest team answered in one call ({@code ascent.assessment.team.max-size}), here lowered to 3:
 * the team and its readiness columns share the limit, counted over the levels asked for.
 */
@QuarkusTest
@TestProfile(TeamSizeLimitTest.SmallTeams.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class TeamSizeLimitTest {

    public static class SmallTeams implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ascent.assessment.team.max-size", "3");
        }
    }

    @Test
    void aTeamOverTheLimitIs422ForTheTeamAndItsReadinessAlikeAndOneAtTheLimitIsAnswered() {
        String manager = person("Lead", "DIRECTOR", null);
        String first = person("First", "PM", manager);
        person("Second", "PM", manager);
        person("Under the first", "APM", first);

        // Three people in all: at the limit.
        given().queryParam("depth", "all").get("/api/v1/people/{id}/team", manager).then().statusCode(200)
                .body("people.size()", equalTo(3));
        given().queryParam("depth", "all").get("/api/v1/people/{id}/team/readiness-columns", manager).then()
                .statusCode(200);

        person("Third", "PM", manager);
        // Four in all: over it, whichever of the two asks; the direct reports alone (three) are still answered.
        for (String path : new String[] {"/api/v1/people/{id}/team", "/api/v1/people/{id}/team/readiness-columns"}) {
            given().queryParam("depth", "all").get(path, manager).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ascent:problem:team-too-large"))
                    .body("detail", containsString("more than 3 people"));
            given().queryParam("depth", "direct").get(path, manager).then().statusCode(200);
        }
    }

    private static String person(String name, String level, String managerId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name,
                "email", name.replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                "level", level));
        if (managerId != null) {
            body.put("managerId", managerId);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/people").then().statusCode(201)
                .extract().path("id");
    }
}
