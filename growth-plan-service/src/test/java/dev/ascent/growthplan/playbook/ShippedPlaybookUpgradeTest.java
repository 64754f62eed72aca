package dev.ascent.growthplan.playbook;

import dev.ascent.growthplan.support.RemoteServices;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped playbook as versioned data: an installation whose current version is an earlier shipped
 * revision gets the newer one as its next version, once; an admin's own playbook stays current.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(RemoteServices.class)
class ShippedPlaybookUpgradeTest {

    static final String LATER_RELEASE = "playbook/shipped-revision-99.yaml";

    @Inject
    PlaybookService playbooks;

    @Inject
    AgroalDataSource dataSource;

    /** What an earlier release's start-up left: its shipped playbook (revision 50) as the newest version. */
    int storeEarlierShippedRevision() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     INSERT INTO growth_plan.playbook_version (id, version, source, default_revision, action_count, document, created_at)
                     SELECT ?, (SELECT max(version) + 1 FROM growth_plan.playbook_version), 'DEFAULT', 50,
                            action_count, document, now()
                     FROM growth_plan.playbook_version WHERE version = 1
                     RETURNING version""")) {
            st.setObject(1, UUID.randomUUID());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void startUpPublishedTheShippedPlaybookAndDoesNotRepeatIt() {
        PlaybookService.ShippedResult again = playbooks.publishShippedDefault("playbook/default-playbook.yaml");

        assertThat(again.decision().outcome()).isIn(ShippedPlaybookRule.Outcome.ALREADY_PUBLISHED,
                ShippedPlaybookRule.Outcome.ADMINS_PLAYBOOK_IS_CURRENT);
        assertThat(again.publishedVersion()).isNull();
        given().get("/api/v1/playbook/versions").then().statusCode(200)
                .body("items[0].version", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].source", org.hamcrest.Matchers.equalTo("DEFAULT"));
    }

    @Test
    void aNewerShippedRevisionBecomesTheNextVersionOnlyWhileAShippedOneIsCurrent() throws Exception {
        // an admin's own playbook is current: the later release leaves it alone
        int admins = given().contentType(ContentType.JSON)
                .body(Map.of("description", "ours", "actions", PlaybookResourceTest.minimalActions()))
                .post("/api/v1/playbook/versions").then().statusCode(201).extract().path("version");
        PlaybookService.ShippedResult kept = playbooks.publishShippedDefault(LATER_RELEASE);
        assertThat(kept.decision().outcome()).isEqualTo(ShippedPlaybookRule.Outcome.ADMINS_PLAYBOOK_IS_CURRENT);
        assertThat(playbooks.current().orElseThrow().version()).isEqualTo(admins);

        // an installation still on an earlier shipped revision gets the new one as its next version
        int earlier = storeEarlierShippedRevision();
        PlaybookService.ShippedResult upgraded = playbooks.publishShippedDefault(LATER_RELEASE);
        assertThat(upgraded.decision().outcome()).isEqualTo(ShippedPlaybookRule.Outcome.PUBLISH_UPGRADE);
        assertThat(upgraded.publishedVersion()).isEqualTo(earlier + 1);
        PublishedPlaybook current = playbooks.current().orElseThrow();
        assertThat(current.version()).isEqualTo(earlier + 1);
        assertThat(current.document().actions()).extracting(PlaybookAction::code).containsExactly("test-shipped-action");
        given().get("/api/v1/playbook/versions/" + (earlier + 1)).then().statusCode(200)
                .body("actions[0].artefact", org.hamcrest.Matchers.equalTo("a test artefact"));

        // once only
        PlaybookService.ShippedResult repeated = playbooks.publishShippedDefault(LATER_RELEASE);
        assertThat(repeated.decision().outcome()).isEqualTo(ShippedPlaybookRule.Outcome.ALREADY_PUBLISHED);
        assertThat(playbooks.current().orElseThrow().version()).isEqualTo(earlier + 1);
    }
}
