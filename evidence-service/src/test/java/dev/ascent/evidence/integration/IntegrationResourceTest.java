package dev.ascent.evidence.integration;

import dev.ascent.evidence.directory.AssessmentServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(AssessmentServiceStub.class)
class IntegrationResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSecretIsShownOnceAndStoredEncrypted() throws Exception {
        String given = "linear-generated-secret-0123456789";
        var created = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "LINEAR", "name", "Linear workspace", "secret", given))
                .post("/api/v1/integrations").then().statusCode(201)
                .body("secret", equalTo(given))
                .extract();
        String id = created.path("id");
        assertThat((String) created.path("webhookPath")).isEqualTo("/api/v1/webhooks/linear/" + id);

        given().get("/api/v1/integrations/{id}", id).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("kind", equalTo("LINEAR"));
        given().queryParam("limit", 200).get("/api/v1/integrations").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.secret", not(hasItem(given)));

        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT secret_encrypted FROM evidence.integration_source WHERE id = ?")) {
            st.setObject(1, UUID.fromString(id));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                byte[] stored = rs.getBytes(1);
                assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(given);
                assertThat(stored.length).isEqualTo(12 + given.length() + 16);
            }
        }
        // a generated secret is long and random
        given().contentType(ContentType.JSON).body(Map.of("kind", "GITHUB", "name", "GitHub org"))
                .post("/api/v1/integrations").then().statusCode(201)
                .body("secret", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void sourcesAreValidated() {
        given().contentType(ContentType.JSON).body(Map.of("kind", "BITBUCKET", "name", "x"))
                .post("/api/v1/integrations").then().statusCode(400).body("violations[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "JIRA", "name", "x", "secret", "short"))
                .post("/api/v1/integrations").then().statusCode(400).body("violations[0].field", equalTo("secret"));
        given().get("/api/v1/integrations/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void identityLinksAreUniquePerSourceAndCaseInsensitiveForLogins() {
        String id = given().contentType(ContentType.JSON).body(Map.of("kind", "GITHUB", "name", "gh"))
                .post("/api/v1/integrations").then().statusCode(201).extract().path("id");
        UUID person = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("externalId", "OctoCat", "personId", person.toString()))
                .post("/api/v1/integrations/{id}/identity-links", id).then().statusCode(201)
                .body("identityKind", equalTo("GITHUB_LOGIN")).body("externalId", equalTo("octocat"))
                .body("releasedEvents", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("externalId", "octocat", "personId", UUID.randomUUID().toString()))
                .post("/api/v1/integrations/{id}/identity-links", id).then().statusCode(409)
                .contentType("application/problem+json").body("violations[0].field", equalTo("externalId"));
        // linking again to the same person is harmless (it re-runs the release of queued events)
        given().contentType(ContentType.JSON).body(Map.of("externalId", "OCTOCAT", "personId", person.toString()))
                .post("/api/v1/integrations/{id}/identity-links", id).then().statusCode(200)
                .body("externalId", equalTo("octocat")).body("releasedEvents", equalTo(0));
        String linkId = given().get("/api/v1/integrations/{id}/identity-links", id).then().statusCode(200)
                .body("items.personId", contains(person.toString())).extract().path("items[0].id");
        given().delete("/api/v1/integrations/{id}/identity-links/{link}", id, linkId).then().statusCode(204);
        given().get("/api/v1/integrations/{id}/identity-links", id).then().body("items", hasSize(0));
    }

    @Test
    void sourcesAndLinksArePagedWithEveryItemOnce() {
        String id = given().contentType(ContentType.JSON).body(Map.of("kind", "GENERIC", "name", "paged"))
                .post("/api/v1/integrations").then().statusCode(201).extract().path("id");
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(given().contentType(ContentType.JSON)
                    .body(Map.of("externalId", "p" + i + "@example.com", "personId", UUID.randomUUID().toString()))
                    .post("/api/v1/integrations/{id}/identity-links", id).then().statusCode(201).extract().path("id"));
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/integrations/{id}/identity-links", id).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(3);
        given().queryParam("limit", 201).get("/api/v1/integrations").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        given().queryParam("cursor", "garbage!").get("/api/v1/integrations").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
    }

    private static Map<String, Object> rule(String name, int priority, List<String> labels, String kind,
                                            List<String> competencies) {
        Map<String, Object> r = new HashMap<>();
        r.put("name", name);
        r.put("priority", priority);
        r.put("source", "GENERIC");
        r.put("labels", labels);
        r.put("kind", kind);
        r.put("competencies", competencies);
        return r;
    }

    @Test
    void adminsEditMappingRulesAndSuggestionsFollowThem() throws Exception {
        // the default rules, in the order they are tried, page by page
        List<String> names = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/mapping-rules").then().statusCode(200).extract();
            names.addAll(page.path("items.name"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(names).contains("Customer research completed", "Work delivered").doesNotHaveDuplicates();
        assertThat(names.indexOf("Customer research completed")).isLessThan(names.indexOf("Work delivered"));

        String label = "mentoring-" + UUID.randomUUID().toString().substring(0, 6);
        String ruleId = given().contentType(ContentType.JSON)
                .body(rule("Mentoring", 1, List.of(label), "PEOPLE_DEVELOPMENT", List.of("people-leadership")))
                .post("/api/v1/mapping-rules").then().statusCode(201)
                .body("kind", equalTo("PEOPLE_DEVELOPMENT")).body("enabled", equalTo(true))
                .extract().path("id");

        var source = given().contentType(ContentType.JSON).body(Map.of("kind", "GENERIC", "name", "tool"))
                .post("/api/v1/integrations").then().statusCode(201).extract();
        String sourceId = source.path("id");
        UUID person = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("externalId", "mentor@example.com", "personId", person.toString()))
                .post("/api/v1/integrations/{id}/identity-links", sourceId).then().statusCode(201);
        String batch = "[{\"externalId\":\"%s\",\"type\":\"session.held\",\"occurredAt\":\"2026-10-01\","
                + "\"actorEmail\":\"mentor@example.com\",\"title\":\"Coached two APMs\",\"labels\":[\"" + label + "\"]}]";
        given().contentType(ContentType.JSON).body(batch.formatted("session-1")).post("/api/v1/ingest/{id}/events", sourceId)
                .then().statusCode(202).body("evidence", equalTo(1));
        given().queryParam("personId", person).get("/api/v1/evidence").then()
                .body("items[0].ruleId", equalTo(ruleId))
                .body("items[0].kind", equalTo("PEOPLE_DEVELOPMENT"));

        Map<String, Object> disabled = rule("Mentoring", 1, List.of(label), "PEOPLE_DEVELOPMENT", List.of("people-leadership"));
        disabled.put("enabled", false);
        given().contentType(ContentType.JSON).body(disabled).put("/api/v1/mapping-rules/{id}", ruleId).then()
                .statusCode(200).body("enabled", equalTo(false));
        // another session, after the rule was switched off
        given().contentType(ContentType.JSON).body(batch.formatted("session-2")).post("/api/v1/ingest/{id}/events", sourceId)
                .then().statusCode(202).body("evidence", equalTo(0)).body("ignored", equalTo(1));

        given().delete("/api/v1/mapping-rules/{id}", ruleId).then().statusCode(204);
        given().get("/api/v1/mapping-rules/{id}", ruleId).then().statusCode(404);
        // the evidence it suggested stays, without the reference
        given().queryParam("personId", person).get("/api/v1/evidence").then()
                .body("items", hasSize(1)).body("items[0].ruleId", equalTo(null))
                .body("items[0].sourceId", equalTo(sourceId));

        // Likewise a deleted source: the evidence stays and no longer names it.
        given().delete("/api/v1/integrations/{id}", sourceId).then().statusCode(204);
        given().delete("/api/v1/integrations/{id}", sourceId).then().statusCode(404);
        given().queryParam("personId", person).get("/api/v1/evidence").then()
                .body("items", hasSize(1)).body("items[0].sourceId", equalTo(null))
                .body("items[0].title", equalTo("Coached two APMs"));
    }

    @Test
    void mappingRulesAreValidated() {
        Map<String, Object> bad = rule("", 1, List.of(), "HEROICS", List.of("juggling"));
        given().contentType(ContentType.JSON).body(bad).post("/api/v1/mapping-rules").then()
                .statusCode(400).contentType("application/problem+json");
        Map<String, Object> unknownCompetency = rule("x", 1, List.of(), "OTHER", List.of("influence", "juggling"));
        given().contentType(ContentType.JSON).body(unknownCompetency).post("/api/v1/mapping-rules").then()
                .statusCode(400).body("violations[0].field", equalTo("competencies[1]"));
        Map<String, Object> badSource = rule("x", 1, List.of(), "OTHER", List.of("influence"));
        badSource.put("source", "SVN");
        given().contentType(ContentType.JSON).body(badSource).post("/api/v1/mapping-rules").then()
                .statusCode(400).body("violations[0].field", equalTo("source"));
    }
}
