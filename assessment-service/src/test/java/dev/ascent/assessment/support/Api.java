package dev.ascent.assessment.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small builders for test data created through the API, so tests read as stories. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String personId) {
        return given().contentType(ContentType.JSON).header("X-Ascent-Actor-Id", personId);
    }

    public static String person(String name, String level, String managerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        body.put("level", level);
        if (managerId != null) {
            body.put("managerId", managerId);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/people")
                .then().statusCode(201).extract().path("id");
    }

    public static String cycle(String... participants) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Cycle " + UUID.randomUUID(), "startsOn", LocalDate.now().minusDays(7).toString(),
                        "endsOn", LocalDate.now().plusDays(21).toString(), "participantIds", List.of(participants)))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
    }

    /** Starts and submits an assessment with the given ratings, returning its id. */
    public static String submitted(String assessor, String cycle, String subject, String kind, Map<String, Integer> ratings) {
        List<Map<String, Object>> list = ratings.entrySet().stream()
                .map(e -> Map.<String, Object>of("competency", e.getKey(), "rating", e.getValue())).toList();
        String id = as(assessor).body(Map.of("cycleId", cycle, "subjectId", subject, "kind", kind, "ratings", list))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        as(assessor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200);
        return id;
    }

    /** The framework version new assessments and readiness use now (other tests may publish newer ones). */
    public static int currentFrameworkVersion() {
        return Integer.parseInt(given().accept(ContentType.JSON).get("/api/v1/frameworks/current")
                .then().statusCode(200).extract().header("X-Framework-Version"));
    }

    public static void calibrate(String manager, String subject, String competency, int rating) {
        as(manager).body(Map.of("subjectId", subject, "competency", competency, "rating", rating,
                        "rationale", "Calibrated in the review meeting"))
                .post("/api/v1/calibrations").then().statusCode(201);
    }
}
