package dev.ascent.gateway.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    private static final RouteTable TABLE = RouteTable.PUBLIC_API;

    @Test
    void matchesSegmentBySegmentAndBindsParameters() {
        var match = TABLE.match("GET", "/api/v1/people/p-1/readiness").orElseThrow();
        assertThat(match.route().service()).isEqualTo("assessment-service");
        assertThat(match.param("id")).isEqualTo("p-1");
        assertThat(TABLE.match("GET", "/api/v1/people/p-1/readiness/more")).isEmpty();
        assertThat(TABLE.match("GET", "/api/v1/people/p-1/readinessx")).isEmpty();
        assertThat(TABLE.match("GET", "/api/v1/people/")).isEmpty();
        assertThat(TABLE.match("GET", "/api/v1//people")).isEmpty();
        assertThat(TABLE.match("DELETE", "/api/v1/people")).isEmpty();
        assertThat(TABLE.match("HEAD", "/api/v1/people").orElseThrow().route().method()).isEqualTo("GET");
    }

    @Test
    void aPathTakesNoCredentialsWhenSomeMethodsBestRouteOnItIsPublic() {
        assertThat(TABLE.takesNoCredentials("/api/v1/webhooks/github/s-1")).isTrue();
        assertThat(TABLE.takesNoCredentials("/api/v1/platform/health")).isTrue();
        assertThat(TABLE.takesNoCredentials("/api/v1/openapi")).isTrue();
        assertThat(TABLE.takesNoCredentials("/api/v1/people/p-1")).isFalse();
        assertThat(TABLE.takesNoCredentials("/api/v1/webhooks/github")).isFalse();
        assertThat(TABLE.takesNoCredentials("/api/v1/webhooks//s-1")).isFalse();
        assertThat(TABLE.takesNoCredentials("/api/v1/nowhere")).isFalse();

        // A public route that fits loses to a more specific one of the same method: not public. Another
        // method's public route on the path still makes it one.
        var open = new RouteTable.Route("GET", "/api/v1/things/{id}", "s", RouteTable.Rule.PUBLIC, null);
        var closed = new RouteTable.Route("GET", "/api/v1/things/current", "s", RouteTable.Rule.ADMIN, null);
        var openPost = new RouteTable.Route("POST", "/api/v1/things/current", "s", RouteTable.Rule.PUBLIC, null);
        assertThat(new RouteTable(List.of(open, closed)).takesNoCredentials("/api/v1/things/t-1")).isTrue();
        assertThat(new RouteTable(List.of(open, closed)).takesNoCredentials("/api/v1/things/current")).isFalse();
        assertThat(new RouteTable(List.of(open, closed, openPost)).takesNoCredentials("/api/v1/things/current")).isTrue();
    }

    @Test
    void aLiteralSegmentBeatsAParameter() {
        var literal = new RouteTable.Route("GET", "/api/v1/things/current", "s", RouteTable.Rule.ADMIN, null);
        var parameter = new RouteTable.Route("GET", "/api/v1/things/{id}", "s", RouteTable.Rule.AUTHENTICATED, null);
        for (var table : List.of(new RouteTable(List.of(literal, parameter)), new RouteTable(List.of(parameter, literal)))) {
            assertThat(table.match("GET", "/api/v1/things/current").orElseThrow().route()).isEqualTo(literal);
            assertThat(table.match("GET", "/api/v1/things/t-1").orElseThrow().route()).isEqualTo(parameter);
        }
        assertThat(TABLE.match("POST", "/api/v1/plans/status/bulk").orElseThrow().route().rule())
                .isEqualTo(RouteTable.Rule.ADMIN);
        assertThat(TABLE.match("GET", "/api/v1/integrations/i-1").orElseThrow().route().pattern())
                .isEqualTo("/api/v1/integrations/{id}");
    }

    @Test
    void aTableWithTheSameOperationTwiceOrARuleWithoutItsSubjectIsRefused() {
        var a = new RouteTable.Route("GET", "/api/v1/x/{id}", "s", RouteTable.Rule.ADMIN, null);
        var b = new RouteTable.Route("GET", "/api/v1/x/{other}", "s", RouteTable.Rule.ADMIN, null);
        assertThatThrownBy(() -> new RouteTable(List.of(a, b))).hasMessageContaining("same operation");
        assertThatThrownBy(() -> new RouteTable.Route("GET", "/api/v1/x/{id}", "s", RouteTable.Rule.SELF, null))
                .hasMessageContaining("needs to know whom");
        assertThatThrownBy(() -> new RouteTable.Route("GET", "/api/v1/x", "s", RouteTable.Rule.SELF,
                RouteTable.Subject.path("id"))).hasMessageContaining("no path parameter");
    }

    @Test
    void disagreementsWithTheOpenApiDocumentAreFoundBothWays() throws Exception {
        var table = new RouteTable(List.of(
                new RouteTable.Route("GET", "/api/v1/people/{id}", "assessment-service", RouteTable.Rule.SELF_OR_LINE,
                        RouteTable.Subject.path("id")),
                new RouteTable.Route("GET", "/api/v1/plans", "growth-plan-service", RouteTable.Rule.ADMIN, null),
                new RouteTable.Route("GET", "/api/v1/evidence", "evidence-service", RouteTable.Rule.ADMIN, null)));
        var paths = new ObjectMapper().readTree("""
                {"/api/v1/people/{id}": {"get": {}, "parameters": []},
                 "/api/v1/people/{id}/evidence-summary": {"get": {}}}""");
        assertThat(table.disagreements(paths, List.of("evidence-service"))).containsExactly(
                "GET /api/v1/plans is in the route table but no OpenAPI document describes it",
                "GET /api/v1/people/{id}/evidence-summary is in the OpenAPI document but not in the route table"
                        + " (the gateway answers 404)");
    }

    @Test
    void theReadmesAccessTableIsTheRouteTable() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        int start = readme.indexOf("-->\n", readme.indexOf("<!-- route-table:start")) + 4;
        int end = readme.indexOf("<!-- route-table:end -->");
        assertThat(readme.substring(start, end)).as("README's table; regenerate it from RouteTable.markdown()")
                .isEqualTo(TABLE.markdown());
    }
}
