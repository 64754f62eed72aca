package dev.ascent.assessment.platform;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.kit.testing.PlatformContract;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

/** The kit's platform contract, for assessment-service. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class PlatformEndpointsTest extends PlatformContract {

    @Override
    protected String schema() {
        return "assessment";
    }

    @Override
    protected String role() {
        return "ascent_assessment";
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
        return "{\"name\":\"Forged Person\",\"email\":\"forged@example.com\",\"level\":\"PM\",\"targetLevel\":\"SENIOR_PM\"}";
    }

    @Override
    protected String rowsTheWriteWouldAdd() {
        return "SELECT count(*) FROM assessment.person";
    }

    @Test
    void itsOpenApiDocumentDescribesItsOwnOperations() {
        given().header(GatewayTokens.NO_TOKEN, "1").accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", containsString("assessment-service"))
                .body("paths", hasKey("/api/v1/people"))
                .body("paths", hasKey("/api/v1/people/{id}/peer-ratings"))
                .body("paths", hasKey("/api/v1/cycles"));
    }
}
