package dev.ascent.gateway.limits;

import dev.ascent.gateway.access.TestTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(RequestLimitsTest.TightLimits.class)
class RequestLimitsTest {

    public static class TightLimits implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("ascent.gateway.limits.requests-per-second", "1",
                    "ascent.gateway.limits.burst", "3",
                    "ascent.kit.limits.max-body-size", "1K");
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void aClientBeyondItsRateGets429WithRetryAfterAndOthersAreUnaffected() {
        String client = TestTokens.bearer(UUID.randomUUID(), "member");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", client).get("/api/v1/nowhere").then().statusCode(404);
        }
        given().header("Authorization", client).get("/api/v1/nowhere").then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:ascent:problem:rate-limited"));

        String another = TestTokens.bearer(UUID.randomUUID(), "member");
        given().header("Authorization", another).get("/api/v1/nowhere").then().statusCode(404);
    }

    @Test
    void aBodyOverTheLimitIs413Problem() {
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "member"))
                .contentType("application/json").body("{\"x\":\"" + "a".repeat(2_000) + "\"}")
                .post("/api/v1/evidence").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:payload-too-large"));
    }
}
