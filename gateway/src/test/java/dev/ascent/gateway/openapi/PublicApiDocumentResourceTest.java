package dev.ascent.gateway.openapi;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ascent.gateway.access.TestTokens;
import dev.ascent.gateway.report.ReportBackends;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(ReportBackends.class)
class PublicApiDocumentResourceTest {

    @ReportBackends.Inject
    WireMockServer services;

    @Test
    void oneDocumentCoversTheGatewayAndTheServices() {
        services.resetAll();
        services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/q/openapi"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"openapi\":\"3.1.0\",\"paths\":{\"/api/v1/people\":{\"get\":{}}},\"components\":{}}")));

        given().get("/api/v1/openapi").then().statusCode(200)
                .body("info.title", equalTo("Ascent public API"))
                .body("paths", hasKey("/api/v1/people"))
                .body("paths", hasKey("/api/v1/teams/{managerId}/report"))
                .body("paths", hasKey("/api/v1/me/overview"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void theGatewaysOwnOperationsAreExactlyTheRouteTablesGatewayLines() {
        // The services publish what the table routes to them, so any disagreement left is the gateway's own.
        var paths = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        dev.ascent.gateway.routing.RouteTable.PUBLIC_API.routes().stream()
                .filter(r -> !r.service().equals(dev.ascent.gateway.routing.RouteTable.GATEWAY))
                .forEach(r -> (paths.has(r.pattern()) ? (com.fasterxml.jackson.databind.node.ObjectNode) paths.get(r.pattern())
                        : paths.putObject(r.pattern())).putObject(r.method().toLowerCase(java.util.Locale.ROOT)));
        services.resetAll();
        services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/q/openapi"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"openapi\":\"3.1.0\",\"paths\":" + paths + ",\"components\":{}}")));

        given().get("/api/v1/openapi").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(hasKey("x-route-table-disagreements")))
                .body("$", org.hamcrest.Matchers.not(hasKey("x-unavailable-services")));
    }

    @Test
    void theTeamReportIsDocumentedWithItsCsvViewsAndItsProblems() {
        String report = "paths.'/api/v1/teams/{managerId}/report'.get";
        given().get("/api/v1/openapi").then().statusCode(200)
                .body(report + ".operationId", equalTo("getTeamReport"))
                .body(report + ".parameters.find { it.name == 'view' }.schema.enum", contains("people", "heatmap"))
                .body(report + ".responses.'200'.content", hasKey("text/csv"))
                .body(report + ".responses.'200'.content", hasKey("application/json"))
                .body(report + ".responses.keySet()", hasItems("400", "401", "403", "404", "429", "503"))
                .body(report + ".responses.'429'.headers", hasKey("Retry-After"))
                .body(report + ".responses.'403'.content", hasKey("application/problem+json"));
    }
}
