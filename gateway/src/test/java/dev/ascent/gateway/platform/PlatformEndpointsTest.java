package dev.ascent.gateway.platform;

import dev.ascent.gateway.access.TestTokens;
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
@WithTestResource(TestTokens.class)
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
                .body("info.title", containsString("gateway"));
    }

    @Test
    void connectsAsItsOwnRoleWhichCannotChangeTheSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ascent_gateway");
            assertThat(rs.getBoolean(2)).isFalse();

            assertThatThrownBy(() -> st.execute("CREATE TABLE gateway.intruder (x int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void flywayCreatedTheSchemaAndRecordsItsMigrations() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'gateway'");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
