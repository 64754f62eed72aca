package dev.ascent.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * What every story told through the public API stands on: the four packaged services on a fresh
 * database, reached through the gateway over real HTTP, and the calls each story repeats.
 */
abstract class ApiStory {

    static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = RunningPlatform.start();
        RestAssured.baseURI = platform.gatewayUrl();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

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
