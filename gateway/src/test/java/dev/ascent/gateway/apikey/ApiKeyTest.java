package dev.ascent.gateway.apikey;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ascent.gateway.access.TestTokens;
import dev.ascent.gateway.report.ReportBackends;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(ReportBackends.class)
class ApiKeyTest {

    @ReportBackends.Inject
    WireMockServer services;

    @Test
    void aKeyIsShownOncePushesToItsOwnSourceOnlyAndCanBeRevoked() {
        String source = "src-" + UUID.randomUUID();
        var created = given().header("Authorization", TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("sourceId", source, "name", "CI pipeline"))
                .post("/api/v1/api-keys").then().statusCode(201)
                .body("key", startsWith("asc_"))
                .extract();
        String key = created.path("key");
        String id = created.path("id");

        List<Map<String, Object>> listed = given().header("Authorization", TestTokens.admin()).get("/api/v1/api-keys")
                .then().statusCode(200).extract().path("findAll { it.id == '" + id + "' }");
        assertThat(listed).singleElement().satisfies(k -> {
            assertThat(k).doesNotContainKey("key");
            assertThat(k.get("prefix")).isEqualTo(key.substring(0, 10));
        });

        services.stubFor(post("/api/v1/ingest/" + source + "/events").willReturn(aResponse().withStatus(202)));
        given().header("Authorization", "ApiKey " + key).contentType(ContentType.JSON).body("[]")
                .post("/api/v1/ingest/{s}/events", source).then().statusCode(202);
        services.verify(1, postRequestedFor(urlEqualTo("/api/v1/ingest/" + source + "/events")));
        given().header("Authorization", "ApiKey " + key).contentType(ContentType.JSON).body("[]")
                .post("/api/v1/ingest/other-source/events").then().statusCode(403);
        given().header("Authorization", "ApiKey " + key).get("/api/v1/people").then().statusCode(403);

        given().header("Authorization", TestTokens.admin()).delete("/api/v1/api-keys/{id}", id).then().statusCode(204);
        given().header("Authorization", "ApiKey " + key).contentType(ContentType.JSON).body("[]")
                .post("/api/v1/ingest/{s}/events", source).then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("The API key is unknown or revoked"));
        given().header("Authorization", "ApiKey asc_madeup").get("/api/v1/people").then().statusCode(401);
    }

    @Test
    void onlyAdminsManageKeys() {
        String member = TestTokens.bearer(UUID.randomUUID(), "member");
        given().header("Authorization", member).contentType(ContentType.JSON)
                .body(Map.of("sourceId", "s", "name", "n")).post("/api/v1/api-keys").then().statusCode(403);
        given().get("/api/v1/api-keys").then().statusCode(401);
        given().header("Authorization", TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("sourceId", "", "name", "n")).post("/api/v1/api-keys").then()
                .statusCode(400).body("violations[0].field", equalTo("sourceId"));
    }
}
