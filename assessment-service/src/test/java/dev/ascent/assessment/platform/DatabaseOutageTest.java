package dev.ascent.assessment.platform;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.RestartablePostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * While PostgreSQL is down every data route answers 503 problem+json with {@code Retry-After},
 * naming the database (the kit's mapper, so all services alike), and the service reports itself not
 * ready but alive; when it is back, calls work again without restarting the service.
 */
@QuarkusTest
@WithTestResource(RestartablePostgres.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class DatabaseOutageTest {

    @Test
    void anOutageIsA503WithRetryAfterAndTheServiceRecoversOnItsOwn() throws Exception {
        given().get("/api/v1/people").then().statusCode(200);

        RestartablePostgres.stopServer();
        try {
            // Not ready (no traffic), but alive: nothing should restart a service that recovers on its own.
            given().baseUri(management()).get("/q/health/ready").then().statusCode(503);
            given().baseUri(management()).get("/q/health/live").then().statusCode(200);
            for (String path : new String[] {"/api/v1/people", "/api/v1/frameworks/versions"}) {
                given().get(path).then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body("type", equalTo("urn:ascent:problem:database-unavailable"));
            }
            given().contentType("application/json")
                    .body("{\"name\":\"Nia\",\"email\":\"nia@example.com\",\"level\":\"PM\",\"targetLevel\":\"SENIOR_PM\"}")
                    .post("/api/v1/people").then()
                    .statusCode(503).body("type", equalTo("urn:ascent:problem:database-unavailable"));
        } finally {
            RestartablePostgres.startServer();
        }

        // Pooled connections to the old server are discarded as they fail; within seconds all is well.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status;
        do {
            status = given().get("/api/v1/people").then().extract().statusCode();
        } while (status != 200 && Instant.now().isBefore(deadline) && pause());
        assertThat(status).isEqualTo(200);
        given().baseUri(management()).get("/q/health/ready").then().statusCode(200);
        given().contentType("application/json")
                .body("{\"name\":\"Nia\",\"email\":\"nia@example.com\",\"level\":\"PM\",\"targetLevel\":\"SENIOR_PM\"}")
                .post("/api/v1/people").then().statusCode(201);
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL managementRoot;

    private String management() {
        return managementRoot.getProtocol() + "://" + managementRoot.getHost() + ":" + managementRoot.getPort();
    }

    private static boolean pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
