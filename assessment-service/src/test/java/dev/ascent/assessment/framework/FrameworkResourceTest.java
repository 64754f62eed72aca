package dev.ascent.assessment.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class FrameworkResourceTest {

    @Test
    void theDefaultFrameworkIsPublishedAndFollowsThePyramid() {
        FrameworkDocument doc = given().accept(ContentType.JSON).get("/api/v1/frameworks/current")
                .then().statusCode(200).extract().as(FrameworkDocument.class);

        assertThat(doc.levels()).extracting(FrameworkDocument.Level::code)
                .containsExactly("APM", "PM", "SENIOR_PM", "PRINCIPAL_PM", "DIRECTOR", "VP", "CPO");
        assertThat(doc.competencies()).hasSize(16)
                .allSatisfy(c -> assertThat(c.behaviours()).containsOnlyKeys(1, 2, 3, 4, 5));
        assertThat(FrameworkValidator.validate(doc)).isEmpty();
        var e = doc.expectations();
        // ICs are about the market; people leadership grows most with directors, strategy with VPs, vision with CPOs.
        assertThat(e.get("PM")).doesNotContainKeys("business-vision");
        assertThat(e.get("DIRECTOR").get("people-leadership").proficiency())
                .isGreaterThan(e.get("PRINCIPAL_PM").get("people-leadership").proficiency());
        assertThat(e.get("VP").get("product-strategy").proficiency())
                .isGreaterThan(e.get("DIRECTOR").get("product-strategy").proficiency());
        assertThat(e.get("CPO").get("business-vision").proficiency())
                .isGreaterThan(e.get("VP").get("business-vision").proficiency());
    }

    @Test
    void exportsAsYamlAndReimportsAsANewDraftThatCanBePublishedOnce() throws Exception {
        String yaml = given().accept("application/yaml").get("/api/v1/frameworks/versions/1")
                .then().statusCode(200).contentType(containsString("yaml")).extract().asString();
        FrameworkDocument original = new ObjectMapper(new YAMLFactory()).readValue(yaml, FrameworkDocument.class);
        String edited = yaml.replace("Ascent product management framework", "Our framework");

        int version = given().contentType("application/yaml").body(edited.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/frameworks/versions")
                .then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("version");
        assertThat(version).isGreaterThan(1);

        given().post("/api/v1/frameworks/versions/{v}/publish", version).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        given().post("/api/v1/frameworks/versions/{v}/publish", version).then().statusCode(409)
                .contentType("application/problem+json");

        FrameworkDocument published = given().accept(ContentType.JSON).get("/api/v1/frameworks/versions/{v}", version)
                .then().statusCode(200).extract().as(FrameworkDocument.class);
        assertThat(published.name()).isEqualTo("Our framework");
        assertThat(published).usingRecursiveComparison().ignoringFields("name").isEqualTo(original);
        given().get("/api/v1/frameworks/versions").then().statusCode(200)
                .body("version", hasItems(1, version));
    }

    @Test
    void anInvalidFrameworkIsRejectedNamingEachPlace() {
        int draftsBefore = given().get("/api/v1/frameworks/versions").then().statusCode(200)
                .extract().path("findAll { it.status == 'DRAFT' }.size()");
        Map<String, Object> doc = given().accept(ContentType.JSON).get("/api/v1/frameworks/versions/1")
                .then().statusCode(200).extract().as(Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = new ArrayList<>((List<Map<String, Object>>) doc.get("levels"));
        levels.add(Map.of("code", "PM", "name", "Again", "tier", "IC"));
        doc.put("levels", levels);
        @SuppressWarnings("unchecked")
        Map<String, Object> expectations = new HashMap<>((Map<String, Object>) doc.get("expectations"));
        @SuppressWarnings("unchecked")
        Map<String, Object> pm = new HashMap<>((Map<String, Object>) expectations.get("PM"));
        pm.put("juggling", Map.of("proficiency", 2, "evidence", 1));
        pm.put("influence", Map.of("proficiency", 7, "evidence", 1));
        expectations.put("PM", pm);
        doc.put("expectations", expectations);

        given().contentType(ContentType.JSON).body(doc).post("/api/v1/frameworks/versions").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:invalid-framework"))
                .body("violations.field", hasItems("levels[7].code", "expectations.PM.juggling",
                        "expectations.PM.influence.proficiency"));
        given().get("/api/v1/frameworks/versions").then().statusCode(200)
                .body("findAll { it.status == 'DRAFT' }.size()", equalTo(draftsBefore));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFrameworkNamesItsOwnTiersAndEachLevelStandsOnOne() {
        Map<String, Object> doc = given().accept(ContentType.JSON).get("/api/v1/frameworks/versions/1")
                .then().statusCode(200).extract().as(Map.class);
        assertThat((List<Map<String, Object>>) doc.get("tiers")).extracting(t -> t.get("code"))
                .containsExactly("IC", "DIRECTOR", "VP", "CPO");
        doc.put("tiers", List.of(Map.of("code", "MAKER", "name", "Maker", "focus", "MARKET"),
                Map.of("code", "STEWARD", "name", "Steward", "focus", "STRATEGY")));
        List<Map<String, Object>> levels = new ArrayList<>();
        for (Map<String, Object> level : (List<Map<String, Object>>) doc.get("levels")) {
            Map<String, Object> own = new HashMap<>(level);
            own.put("tier", "IC".equals(level.get("tier")) ? "MAKER" : "STEWARD");
            levels.add(own);
        }
        doc.put("levels", levels);

        int version = given().contentType(ContentType.JSON).body(doc).post("/api/v1/frameworks/versions")
                .then().statusCode(201).extract().path("version");
        given().accept(ContentType.JSON).get("/api/v1/frameworks/versions/{v}", version).then().statusCode(200)
                .body("tiers.code", org.hamcrest.Matchers.contains("MAKER", "STEWARD"))
                .body("tiers.focus", org.hamcrest.Matchers.contains("MARKET", "STRATEGY"))
                .body("levels.find { it.code == 'VP' }.tier", equalTo("STEWARD"));

        // a tier the document does not name, a higher tier before a lower one, a tier without its focus
        List<Map<String, Object>> wrong = new ArrayList<>(levels);
        wrong.set(0, new HashMap<>(Map.of("code", "APM", "name", "Associate", "tier", "IC")));
        wrong.set(1, new HashMap<>(Map.of("code", "PM", "name", "Product Manager", "tier", "STEWARD")));
        doc.put("levels", wrong);
        doc.put("tiers", List.of(Map.of("code", "MAKER", "name", "Maker", "focus", "MARKET"),
                Map.of("code", "STEWARD", "name", "Steward")));
        given().contentType(ContentType.JSON).body(doc).post("/api/v1/frameworks/versions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("levels[0].tier", "levels[2].tier", "tiers[1].focus"));
    }

    @Test
    void unreadableYamlIsAProblem() {
        given().contentType("application/yaml").body("levels: [unclosed".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/frameworks/versions").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
