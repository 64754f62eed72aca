package dev.ascent.gateway.platform;

import dev.ascent.gateway.access.TestTokens;
import dev.ascent.kit.testing.PlatformContract;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * The kit's platform contract, for the gateway: it checks the public's own credentials rather than a
 * gateway token, and its public port serves the API only (its raw OpenAPI document is on the
 * management port; the merged public one is {@code /api/v1/openapi}).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
class PlatformEndpointsTest extends PlatformContract {

    @Override
    protected String schema() {
        return "gateway";
    }

    @Override
    protected String role() {
        return "ascent_gateway";
    }

    @Override
    protected String protectedRead() {
        return "api/v1/people";
    }

    @Override
    protected String protectedWrite() {
        return "api/v1/people";
    }

    @Override
    protected String writeBody() {
        return "{\"name\":\"Someone\"}";
    }

    @Override
    protected String rowsTheWriteWouldAdd() {
        return "SELECT count(*) FROM gateway.api_key";
    }

    @Override
    protected boolean takesOnlyTheGatewaysToken() {
        return false;
    }

    @Override
    protected URL openApiBase() {
        return management;
    }

    /** Its raw document is on the management port; the public port offers the merged one only. */
    @Test
    void thePublicPortServesTheMergedDocumentOnly() throws Exception {
        assertThat(raw("GET", "/q/openapi", Map.of(), null).status()).isEqualTo(404);
        given().baseUri(base(management)).accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", containsString("gateway"))
                .body("paths", hasKey("/api/v1/openapi"));
        given().accept("application/json").get("/api/v1/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/openapi"))
                .body("paths", not(hasKey("/q/health")));
    }
}
