package dev.ascent.growthplan.platform;

import dev.ascent.kit.testing.PlatformContract;
import dev.ascent.growthplan.support.RemoteServices;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

/** The kit's platform contract, for growth-plan-service. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(RemoteServices.class)
class PlatformEndpointsTest extends PlatformContract {

    @Override
    protected String schema() {
        return "growth_plan";
    }

    @Override
    protected String role() {
        return "ascent_growth_plan";
    }

    @Override
    protected String protectedRead() {
        return "api/v1/playbook/versions";
    }

    @Override
    protected String protectedWrite() {
        return "api/v1/playbook/versions";
    }

    @Override
    protected String writeBody() {
        return "{\"actions\":[]}";
    }

    @Override
    protected String rowsTheWriteWouldAdd() {
        return "SELECT count(*) FROM growth_plan.playbook_version";
    }

    @Test
    void itsOpenApiDocumentDescribesItsOwnOperations() {
        given().header(GatewayTokens.NO_TOKEN, "1").accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", containsString("growth-plan-service"))
                .body("paths", hasKey("/api/v1/plans"))
                .body("paths", hasKey("/api/v1/plans/status/bulk"))
                .body("paths", hasKey("/api/v1/playbook/versions"));
    }
}
