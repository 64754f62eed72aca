package dev.ascent.evidence.platform;

import dev.ascent.kit.testing.PlatformContract;
import dev.ascent.evidence.directory.AssessmentServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** The kit's platform contract, for evidence-service. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(AssessmentServiceStub.class)
class PlatformEndpointsTest extends PlatformContract {

    @Override
    protected String schema() {
        return "evidence";
    }

    @Override
    protected String role() {
        return "ascent_evidence";
    }

    @Override
    protected String protectedRead() {
        return "api/v1/evidence?personId=00000000-0000-4000-8000-000000000001";
    }

    @Override
    protected String protectedWrite() {
        return "api/v1/evidence";
    }

    @Override
    protected String writeBody() {
        return "{\"personId\":\"00000000-0000-4000-8000-000000000001\",\"kind\":\"CUSTOMER_DISCOVERY_SESSION\",\"competencies\":[\"customer-discovery\"],\"title\":\"Forged\",\"occurredAt\":\"2026-10-02\"}";
    }

    /** personId is a UUID, whose reader trims control characters away; the title is stored as text. */
    @Override
    protected String textField() {
        return "title";
    }

    @Override
    protected String rowsTheWriteWouldAdd() {
        return "SELECT count(*) FROM evidence.evidence";
    }

    @Test
    void itsOpenApiDocumentDescribesItsOwnOperations() {
        given().header(GatewayTokens.NO_TOKEN, "1").accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", containsString("evidence-service"))
                .body("paths", hasKey("/api/v1/evidence"))
                .body("paths", hasKey("/api/v1/ingest/{sourceId}/events"));
    }

    /**
     * Webhooks are the one open route: they reach the webhook endpoint without the gateway's token
     * (whose own signature check then decides), but only when spelled canonically.
     */
    @Test
    void webhooksAreOpenOnlyWhenSpelledCanonically() throws Exception {
        String path = "/api/v1/webhooks/github/" + UUID.randomUUID();
        given().header(GatewayTokens.NO_TOKEN, "1").contentType("application/json").body("{}")
                .header("X-GitHub-Event", "ping").header("X-GitHub-Delivery", "d-1")
                .post(path).then()
                .statusCode(404)
                .body("type", equalTo("urn:ascent:problem:not-found"));
        var spelledOtherwise = raw("POST", "/" + path, Map.of("X-GitHub-Event", "ping", "X-GitHub-Delivery", "d-2"), "{}");
        assertThat(spelledOtherwise.status()).isEqualTo(401);
        assertThat(spelledOtherwise.body()).contains("Calls must come through the gateway");
    }
}
