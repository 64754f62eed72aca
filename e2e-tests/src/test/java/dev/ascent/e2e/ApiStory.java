package dev.ascent.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every story told through the public API stands on: the four packaged services on a fresh
 * database, reached through the gateway over real HTTP.
 */
abstract class ApiStory extends PublicApi {

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
}
