package dev.ascent.assessment.framework;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.assessment.support.OlderInstallation;
import dev.ascent.testsupport.GatewayTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgraded from a release whose shipped framework had no revision: its version 1 is
 * that framework. On start the migration recognises it as revision 1 and the loader publishes the
 * current shipped revision as version 2; version 1 stays as it was. Later starts add nothing, and
 * neither an admin's draft nor an admin's own framework is ever pushed aside by a newer revision.
 * The tests run in order on one database of their own.
 */
@QuarkusTest
@WithTestResource(OlderInstallation.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShippedFrameworkUpgradeTest {

    static final DefaultFrameworkLoader.Shipped SHIPPED = DefaultFrameworkLoader.readShipped();

    @Inject
    DefaultFrameworkLoader loader;

    @Inject
    FrameworkService frameworks;

    @Inject
    DataSource dataSource;

    @Test
    @Order(1)
    void startingOnAnEarlierShippedDefaultPublishesTheNewRevisionAndKeepsHistory() {
        assertThat(stored()).containsExactly(
                Map.entry(2, "PUBLISHED revision " + SHIPPED.revision()),
                Map.entry(1, "PUBLISHED revision 1"));

        ExtractableResponse<Response> current = given().accept(ContentType.JSON).get("/api/v1/frameworks/current")
                .then().statusCode(200).extract();
        assertThat(current.header("X-Framework-Version")).isEqualTo("2");
        assertThat(current.as(FrameworkDocument.class)).usingRecursiveComparison().isEqualTo(SHIPPED.document());

        FrameworkDocument first = given().accept(ContentType.JSON).get("/api/v1/frameworks/versions/1")
                .then().statusCode(200).extract().as(FrameworkDocument.class);
        assertThat(first.competencies()).hasSize(OlderInstallation.revision1().path("competencies").size())
                .extracting(FrameworkDocument.Competency::code).doesNotContain("data-experimentation", "product-craft");
    }

    @Test
    @Order(2)
    void startingAgainAddsNothing() {
        FrameworkService.ShippedDefaultResult again = loader.publishShippedDefault();

        assertThat(again.decision().outcome()).isEqualTo(ShippedDefaultRule.Outcome.ALREADY_PUBLISHED);
        assertThat(again.publishedVersion()).isNull();
        assertThat(stored()).hasSize(2);
    }

    @Test
    @Order(3)
    void aNewerRevisionWaitsWhileAnAdminsDraftDoes() {
        int draft = importAsAdmin("Our draft");

        var result = frameworks.publishShippedDefault(SHIPPED.revision() + 1, SHIPPED.document());

        assertThat(result.decision().outcome()).isEqualTo(ShippedDefaultRule.Outcome.DRAFT_IN_PROGRESS);
        assertThat(result.publishedVersion()).isNull();
        assertThat(stored()).containsEntry(draft, "DRAFT").hasSize(3);
    }

    @Test
    @Order(4)
    void anAdminsOwnFrameworkIsNeverReplacedByAShippedOne() {
        int own = importAsAdmin(OlderInstallation.ADMINS_NAME);
        given().post("/api/v1/frameworks/versions/{v}/publish", own).then().statusCode(200);

        var result = frameworks.publishShippedDefault(SHIPPED.revision() + 1, SHIPPED.document());

        assertThat(result.decision().outcome()).isEqualTo(ShippedDefaultRule.Outcome.ADMINS_FRAMEWORK_IS_CURRENT);
        assertThat(stored()).containsEntry(own, "PUBLISHED").hasSize(3);
        given().accept(ContentType.JSON).get("/api/v1/frameworks/current").then().statusCode(200)
                .header("X-Framework-Version", String.valueOf(own));
    }

    /** Imports the current framework under another name as the draft of the next version. */
    private static int importAsAdmin(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = given().accept(ContentType.JSON).get("/api/v1/frameworks/current")
                .then().statusCode(200).extract().as(Map.class);
        document.put("name", name);
        return given().contentType(ContentType.JSON).body(document).post("/api/v1/frameworks/versions")
                .then().statusCode(201).extract().path("version");
    }

    /** Every stored version, newest first: status, and the shipped revision it was published from. */
    private Map<Integer, String> stored() {
        Map<Integer, String> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, status, default_revision FROM assessment.framework_version"
                     + " ORDER BY version DESC")) {
            while (rs.next()) {
                Integer revision = rs.getObject(3, Integer.class);
                rows.put(rs.getInt(1), rs.getString(2) + (revision == null ? "" : " revision " + revision));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
