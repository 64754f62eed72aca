package dev.ascent.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The calls through the gateway every end-to-end test repeats, for API stories and browser journeys alike. */
abstract class PublicApi {

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** A person made by an admin through the API; their id. */
    static String person(String admin, String name, String email, String level, String managerId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "email", email, "level", level));
        if (managerId != null) {
            body.put("managerId", managerId);
        }
        return as(admin).body(body).post("/api/v1/people").then().statusCode(201).extract().path("id");
    }
}
