package dev.ascent.assessment.framework;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.Contracts;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider side of contracts/framework-vocabulary.json: evidence-service and growth-plan-service read
 * the published framework's codes from this answer, and their tests are served the recorded one.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class FrameworkContractTest {

    @Test
    void theCurrentFrameworkAnswersAsItsConsumersWereToldItWould() {
        Response answer = given().accept(ContentType.JSON).get("/api/v1/frameworks/current");
        answer.then().statusCode(200);
        Map<String, String> headers = new HashMap<>();
        answer.headers().forEach(h -> headers.put(h.getName(), h.getValue()));
        assertThat(Contracts.verifyProvider("framework-vocabulary", answer.asString(), headers)).isNull();
    }
}
