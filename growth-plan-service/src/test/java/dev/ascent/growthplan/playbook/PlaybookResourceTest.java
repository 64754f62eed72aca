package dev.ascent.growthplan.playbook;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ascent.growthplan.support.RemoteServices;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.ascent.testsupport.Contracts;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(RemoteServices.class)
class PlaybookResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @RemoteServices.Inject
    WireMockServer remote;

    static Map<String, Object> validAction(String code, String competency) {
        Map<String, Object> action = new HashMap<>();
        action.put("code", code);
        action.put("competency", competency);
        action.put("category", "CREDIBILITY");
        action.put("title", "Do the thing for " + competency);
        action.put("why", "Because it builds " + competency);
        action.put("how", "Step by step");
        action.put("artefact", "a written note on " + competency);
        action.put("durationDays", 14);
        action.put("tiers", List.of("IC"));
        action.put("evidence", List.of(Map.of("kind", "OTHER", "competency", competency, "count", 1)));
        return action;
    }

    /** One valid action per competency: the smallest importable playbook. */
    static List<Map<String, Object>> minimalActions() {
        List<Map<String, Object>> actions = new ArrayList<>();
        for (String c : DefaultPlaybookTest.COMPETENCIES) {
            actions.add(validAction("min-" + c, c));
        }
        return actions;
    }

    /** REST Assured sends bytes as they are, whatever the content type. */
    static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theDefaultPlaybookIsVersionOneAndExportsAsJson() {
        var export = given().accept(ContentType.JSON).get("/api/v1/playbook/versions/1").then()
                .statusCode(200).contentType(ContentType.JSON)
                .header("Playbook-Version", "1")
                .extract();
        List<Map<String, Object>> actions = export.path("actions");
        assertThat(actions).hasSize(DefaultPlaybookTest.DEFAULT.actions().size());
        assertThat(actions.getFirst()).containsKeys("code", "competency", "category", "title", "why", "how",
                "artefact", "durationDays", "tiers", "levels", "evidence");

        given().get("/api/v1/playbook/versions").then().statusCode(200)
                .body("items[0].version", equalTo(1))
                .body("items[0].source", equalTo("DEFAULT"))
                .body("items[0].actionCount", equalTo(actions.size()));
    }

    @Test
    void exportsYamlThatImportsBackAsANewVersion() throws Exception {
        String yaml = given().accept("application/yaml").get("/api/v1/playbook/versions/1").then()
                .statusCode(200).contentType("application/yaml").extract().asString();
        PlaybookDocument parsed = new YAMLMapper().readValue(yaml, PlaybookDocument.class);
        assertThat(parsed).usingRecursiveComparison().isEqualTo(DefaultPlaybookTest.DEFAULT);

        int version = given().contentType("application/yaml").body(utf8(yaml)).post("/api/v1/playbook/versions").then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/playbook/versions/"))
                .body("source", equalTo("IMPORT"))
                .extract().path("version");
        assertThat(version).isGreaterThan(1);

        String again = given().accept("application/yaml").get("/api/v1/playbook/versions/" + version).then()
                .statusCode(200).extract().asString();
        assertThat(new YAMLMapper().readValue(again, PlaybookDocument.class))
                .usingRecursiveComparison().isEqualTo(DefaultPlaybookTest.DEFAULT);
    }

    @Test
    void importsJsonExtendingThePlaybookAndTheNewestBecomesCurrent() {
        List<Map<String, Object>> actions = minimalActions();
        actions.add(validAction("extra-shadow-support", "platform-mastery"));
        int version = given().contentType(ContentType.JSON)
                .body(Map.of("description", "extended", "actions", actions))
                .post("/api/v1/playbook/versions").then().statusCode(201)
                .body("actionCount", equalTo(DefaultPlaybookTest.COMPETENCIES.size() + 1))
                .body("description", equalTo("extended"))
                .extract().path("version");

        given().accept(ContentType.JSON).get("/api/v1/playbook").then().statusCode(200)
                .header("Playbook-Version", String.valueOf(version))
                .body("actions.code", hasItem("extra-shadow-support"));
        given().get("/api/v1/playbook/versions").then().statusCode(200)
                .body("items.version", hasItem(version));
    }

    @Test
    void invalidImportsNameEveryPlaceAndPublishNothing() {
        int before = given().get("/api/v1/playbook/versions?limit=200").then().extract().path("items.size()");
        List<Map<String, Object>> actions = minimalActions();
        actions.get(1).put("competency", "juggling");
        actions.get(2).put("tiers", List.of("IC", "INTERN"));
        actions.get(3).put("code", actions.get(0).get("code"));
        actions.get(4).put("evidence", List.of(Map.of("kind", "TWEET", "competency", "influence", "count", 1)));
        actions.get(5).put("evidence", List.of(Map.of("kind", "OTHER", "competency", "influence", "count", 0)));
        actions.get(6).put("durationDays", 0);
        actions.get(7).put("why", " ");
        actions.get(8).remove("artefact");
        actions.get(9).put("levels", List.of("PM", "WIZARD"));
        actions.get(10).put("levels", List.of("DIRECTOR"));
        actions.get(11).put("tiers", List.of("IC", "DIRECTOR"));
        actions.get(11).put("levels", List.of("SENIOR_PM"));
        actions.get(12).put("evidence", List.of(Map.of("kind", "OTHER", "competency", "influence", "count", 1,
                "tag", "Spec Review")));
        actions.get(13).put("tiers", java.util.Arrays.asList("IC", null)); // a null tier beside levels: 400, not 500
        actions.get(13).put("levels", List.of("PM"));
        actions.get(14).put("evidence", java.util.Collections.nCopies(6, Map.of("kind", "OTHER", "competency",
                actions.get(14).get("competency"), "count", 1)));

        var problem = given().contentType(ContentType.JSON).body(Map.of("actions", actions))
                .post("/api/v1/playbook/versions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:invalid-playbook"))
                .extract();
        List<String> fields = problem.path("violations.field");
        assertThat(fields).containsExactlyInAnyOrder("actions[1].competency", "actions[2].tiers[1]",
                "actions[3].code", "actions[4].evidence[0].kind", "actions[5].evidence[0].count",
                "actions[6].durationDays", "actions[7].why", "actions[8].artefact", "actions[9].levels[1]",
                "actions[10].levels[0]", "actions[10].levels", "actions[11].levels", "actions[12].evidence[0].tag",
                "actions[13].tiers[1]", "actions[14].evidence");
        List<String> messages = problem.path("violations.message");
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("duplicate action code"))
                .anySatisfy(m -> assertThat(m).contains("unknown evidence kind \"TWEET\""))
                .anySatisfy(m -> assertThat(m).contains("unknown level \"WIZARD\""))
                .anySatisfy(m -> assertThat(m).contains("level DIRECTOR belongs to tier DIRECTOR"))
                .anySatisfy(m -> assertThat(m).contains("names no level of tier DIRECTOR"));

        int after = given().get("/api/v1/playbook/versions?limit=200").then().extract().path("items.size()");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aPlaybookMustServeEveryCompetency() {
        List<Map<String, Object>> actions = minimalActions();
        actions.removeLast();
        given().contentType(ContentType.JSON).body(Map.of("actions", actions)).post("/api/v1/playbook/versions").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("actions"))
                .body("violations[0].message", containsString(DefaultPlaybookTest.COMPETENCIES.getLast()));
    }

    @Test
    void aPlaybookNamesTheCodesThePublishedFrameworkAndEvidenceServiceHaveNow() {
        // an organisation publishes a framework of its own: two tiers, three competencies
        remote.stubFor(WireMock.get("/api/v1/frameworks/current").atPriority(1).willReturn(WireMock.okJson("""
                {"tiers": [{"code": "MAKER", "focus": "MARKET"}, {"code": "STEWARD", "focus": "STRATEGY"}],
                 "levels": [{"code": "M1", "tier": "MAKER"}, {"code": "S1", "tier": "STEWARD"}],
                 "competencies": [{"code": "craft"}, {"code": "care"}, {"code": "compass"}]}
                """).withHeader("X-Framework-Version", "7")));
        try {
            List<Map<String, Object>> actions = new ArrayList<>();
            for (String c : List.of("craft", "care", "compass")) {
                Map<String, Object> action = validAction("own-" + c, c);
                action.put("tiers", List.of("MAKER", "STEWARD"));
                actions.add(action);
            }
            given().contentType(ContentType.JSON).body(Map.of("actions", actions)).post("/api/v1/playbook/versions")
                    .then().statusCode(201);

            // the default framework's codes and tiers are no longer known
            List<Map<String, Object>> old = minimalActions();
            given().contentType(ContentType.JSON).body(Map.of("actions", old)).post("/api/v1/playbook/versions")
                    .then().statusCode(400)
                    .body("violations.field", hasItem("actions[0].competency"))
                    .body("violations.field", hasItem("actions[0].tiers[0]"))
                    .body("violations.message", hasItem(containsString("[craft, care, compass]")));
        } finally {
            remote.resetAll();
            Contracts.serve(remote, "framework-vocabulary");
            Contracts.serve(remote, "evidence-kinds");
        }
    }

    @Test
    void withoutTheOwnersOfItsCodesNothingIsPublished() {
        remote.stubFor(WireMock.get("/api/v1/evidence-kinds").atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(500)));
        try {
            given().contentType(ContentType.JSON).body(Map.of("actions", minimalActions()))
                    .post("/api/v1/playbook/versions").then()
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        } finally {
            remote.resetAll();
            Contracts.serve(remote, "framework-vocabulary");
            Contracts.serve(remote, "evidence-kinds");
        }
    }

    @Test
    void badYamlShapesAreProblemsNamingTheField() {
        given().contentType("application/yaml")
                .body(utf8("actions:\n  - code: x1\n    category: TACTICS\n"))
                .post("/api/v1/playbook/versions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("actions[0].category"));
        given().contentType("application/yaml")
                .body(utf8("actions:\n  - code: x1\n    colour: blue\n"))
                .post("/api/v1/playbook/versions").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("actions[0].colour"))
                .body("violations[0].message", equalTo("unknown property"));
        given().contentType("application/yaml")
                .body(utf8("actions:\n  - code: \"unclosed\n"))
                .post("/api/v1/playbook/versions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:malformed-document"))
                .body("detail", containsString("YAML"));
        given().contentType(ContentType.JSON).body("{\"actions\": [}")
                .post("/api/v1/playbook/versions").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body(utf8("actions: []"))
                .post("/api/v1/playbook/versions").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void publishedVersionsCannotChange() throws SQLException {
        given().contentType(ContentType.JSON).body(Map.of("actions", minimalActions()))
                .put("/api/v1/playbook/versions/1").then().statusCode(405).contentType("application/problem+json");
        given().delete("/api/v1/playbook/versions/1").then().statusCode(405);

        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate(
                    "UPDATE growth_plan.playbook_version SET action_count = 0 WHERE version = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("cannot change");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM growth_plan.playbook_version WHERE version = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("cannot change");
        }
        given().get("/api/v1/playbook/versions/1").then().statusCode(200).header("Playbook-Version", "1");
    }

    @Test
    void unknownVersionsAndBadPagingAreProblems() {
        given().get("/api/v1/playbook/versions/999").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:not-found"));
        given().queryParam("limit", 0).get("/api/v1/playbook/versions").then()
                .statusCode(400).body("violations[0].field", equalTo("limit"));
        given().queryParam("cursor", "nope!").get("/api/v1/playbook/versions").then()
                .statusCode(400).body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void versionsArePagedWithAnOpaqueCursor() {
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(Map.of("actions", minimalActions()))
                    .post("/api/v1/playbook/versions").then().statusCode(201);
        }
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/playbook/versions").then().statusCode(200).extract();
            List<Integer> versions = page.path("items.version");
            assertThat(versions).hasSizeLessThanOrEqualTo(1);
            seen.addAll(versions);
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(seen).doesNotHaveDuplicates().isSorted().startsWith(1).hasSizeGreaterThanOrEqualTo(3);
    }
}
