package dev.ascent.assessment.review;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ascent.assessment.support.Api.as;
import static dev.ascent.assessment.support.Api.calibrate;
import static dev.ascent.assessment.support.Api.currentFrameworkVersion;
import static dev.ascent.assessment.support.Api.cycle;
import static dev.ascent.assessment.support.Api.person;
import static dev.ascent.assessment.support.Api.submitted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class AssessmentFlowTest {

    private static Map<String, Object> request(String cycle, String subject, String kind, String competency, int rating) {
        return Map.of("cycleId", cycle, "subjectId", subject, "kind", kind,
                "ratings", List.of(Map.of("competency", competency, "rating", rating, "comment", "seen in Q3")));
    }

    @Test
    void aSelfAssessmentIsADraftUntilSubmittedAndThenNeverChanges() {
        String pm = person("Sam", "PM", null);
        String cycle = cycle(pm);
        String id = as(pm).body(request(cycle, pm, "SELF", "customer-discovery", 3)).post("/api/v1/assessments")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("frameworkVersion", equalTo(currentFrameworkVersion()))
                .extract().path("id");

        as(pm).body(Map.of("ratings", List.of(Map.of("competency", "customer-discovery", "rating", 4),
                        Map.of("competency", "influence", "rating", 2))))
                .put("/api/v1/assessments/{id}/ratings", id).then().statusCode(200)
                .body("ratings.size()", equalTo(2));
        as(pm).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200).body("status", equalTo("SUBMITTED"));

        as(pm).body(Map.of("ratings", List.of(Map.of("competency", "influence", "rating", 5))))
                .put("/api/v1/assessments/{id}/ratings", id).then().statusCode(409)
                .body("type", equalTo("urn:ascent:problem:assessment-submitted"));
        as(pm).post("/api/v1/assessments/{id}/submit", id).then().statusCode(409);
        given().get("/api/v1/assessments/{id}", id).then().statusCode(200)
                .body("ratings.find { it.competency == 'customer-discovery' }.rating", equalTo(4));
        given().get("/api/v1/people/{id}/assessments", pm).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(id))
                .body("[0].ratings.size()", equalTo(2));
    }

    @Test
    void onlyTheRightPeopleMayAssess() {
        String manager = person("Mia", "DIRECTOR", null);
        String pm = person("Pia", "PM", manager);
        String stranger = person("Stan", "PM", null);
        String peer = person("Petra", "PM", manager);
        String cycle = cycle(pm);

        as(stranger).body(request(cycle, pm, "SELF", "influence", 3)).post("/api/v1/assessments").then().statusCode(403);
        as(stranger).body(request(cycle, pm, "MANAGER", "influence", 3)).post("/api/v1/assessments").then().statusCode(403);
        as(peer).body(request(cycle, pm, "PEER", "influence", 3)).post("/api/v1/assessments").then()
                .statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body(request(cycle, pm, "SELF", "influence", 3))
                .post("/api/v1/assessments").then().statusCode(401);

        given().contentType("application/json").body(Map.of("subjectId", pm, "peerId", peer))
                .post("/api/v1/cycles/{id}/peer-invitations", cycle).then().statusCode(201);
        as(peer).body(request(cycle, pm, "PEER", "influence", 3)).post("/api/v1/assessments").then().statusCode(201);
        as(manager).body(request(cycle, pm, "MANAGER", "influence", 3)).post("/api/v1/assessments").then().statusCode(201);
        as(manager).body(request(cycle, pm, "MANAGER", "influence", 3)).post("/api/v1/assessments").then().statusCode(409);
        // Someone outside the cycle cannot be assessed in it.
        as(manager).body(request(cycle, peer, "MANAGER", "influence", 3)).post("/api/v1/assessments").then()
                .statusCode(400).body("violations[0].field", equalTo("subjectId"));
    }

    @Test
    void ratingsAreValidatedAgainstTheFramework() {
        String pm = person("Val", "PM", null);
        String cycle = cycle(pm);
        as(pm).body(Map.of("cycleId", cycle, "subjectId", pm, "kind", "SELF", "ratings", List.of(
                        Map.of("competency", "juggling", "rating", 3),
                        Map.of("competency", "influence", "rating", 9))))
                .post("/api/v1/assessments").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("ratings[1].rating"));
        as(pm).body(Map.of("cycleId", cycle, "subjectId", pm, "kind", "SELF", "ratings", List.of(
                        Map.of("competency", "juggling", "rating", 3))))
                .post("/api/v1/assessments").then().statusCode(400)
                .body("violations[0].field", equalTo("ratings[0].competency"));
        as(pm).body(Map.of("cycleId", cycle, "subjectId", pm, "kind", "BOSS", "ratings", List.of()))
                .post("/api/v1/assessments").then().statusCode(400).body("violations[0].field", equalTo("kind"));
    }

    @Test
    void aCycleWithTextOrDatesPostgresCannotStoreIsA400NamingTheField() {
        String member = person("Nul", "PM", null);
        given().contentType("application/json")
                .body("{\"name\":\"H2\\u0000review\",\"startsOn\":\"2026-11-01\",\"endsOn\":\"2026-12-01\","
                        + "\"participantIds\":[\"" + member + "\"]}")
                .post("/api/v1/cycles").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("name"));
        given().contentType("application/json")
                .body("{\"name\":\"H2\",\"startsOn\":\"2026-11-01\",\"endsOn\":\"+9999999-01-01\","
                        + "\"participantIds\":[\"" + member + "\"]}")
                .post("/api/v1/cycles").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("endsOn"));
    }

    @Test
    void theCycleShowsWhoIsDone() {
        String manager = person("Max", "DIRECTOR", null);
        String done = person("Done", "PM", manager);
        String halfway = person("Halfway", "PM", manager);
        String cycle = cycle(done, halfway);
        submitted(done, cycle, done, "SELF", Map.of("influence", 3));
        submitted(manager, cycle, done, "MANAGER", Map.of("influence", 3));
        submitted(halfway, cycle, halfway, "SELF", Map.of("influence", 2));

        given().get("/api/v1/cycles/{id}", cycle).then().statusCode(200)
                .body("complete", equalTo(1))
                .body("participants.find { it.personId == '" + done + "' }.complete", equalTo(true))
                .body("participants.find { it.personId == '" + halfway + "' }.manager", equalTo("MISSING"))
                .body("participants.find { it.personId == '" + halfway + "' }.self", equalTo("SUBMITTED"));
    }

    @Test
    void calibrationKeepsItsHistoryAndOnlyManagersCalibrate() {
        String manager = person("Cal", "DIRECTOR", null);
        String pm = person("Ibrahim", "PM", manager);
        calibrate(manager, pm, "influence", 2);
        calibrate(manager, pm, "influence", 3);
        as(pm).body(Map.of("subjectId", pm, "competency", "influence", "rating", 5, "rationale", "I am great"))
                .post("/api/v1/calibrations").then().statusCode(403);
        as(manager).body(Map.of("subjectId", pm, "competency", "influence", "rating", 3, "rationale", " "))
                .post("/api/v1/calibrations").then().statusCode(400).body("violations[0].field", equalTo("rationale"));

        given().get("/api/v1/people/{id}/calibrations", pm).then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].rating", equalTo(3))
                .body("[1].rating", equalTo(2))
                .body("[0].calibratedBy", equalTo(manager));
    }
}
