package dev.ascent.assessment.platform;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Health, OpenAPI and the database boundary that every service must have. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class PlatformEndpointsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readinessAndLivenessIncludeTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
    }

    @Test
    void callsThatDidNotComeThroughTheGatewayAreRefused() {
        given().header(GatewayTokens.NO_TOKEN, "1").get("/api/v1/people").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:unauthorized"));
        given().header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").get("/api/v1/people").then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header(GatewayTokens.NO_TOKEN, "1").get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void unknownRoutesAreProblems() {
        given().get("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:not-found"))
                .body("instance", equalTo("/api/v1/no-such-thing"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/people"));
    }

    @Test
    void connectsAsItsOwnRoleWhichCannotChangeTheSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ascent_assessment");
            assertThat(rs.getBoolean(2)).isFalse();

            assertThatThrownBy(() -> st.execute("CREATE TABLE assessment.intruder (x int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void flywayOwnsTheSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'assessment' AND table_name = 'person'");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
