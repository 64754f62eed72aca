package dev.ascent.evidence.mapping;

import dev.ascent.evidence.directory.AssessmentServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(AssessmentServiceStub.class)
class MappingDryRunTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSamplePayloadIsReadAsTheWebhookWouldAndMatchedByTheFirstRuleWithoutWritingAnything() throws Exception {
        String label = "dry-run-" + UUID.randomUUID().toString().substring(0, 8);
        String ruleId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Dry-run label first", "priority", -1000, "source", "GITHUB",
                        "eventTypes", List.of("pull_request.merged"), "labels", List.of(label),
                        "kind", "UNOWNED_PROBLEM", "competencies", List.of("agency-ownership")))
                .post("/api/v1/mapping-rules").then().statusCode(201).extract().path("id");
        long before = rows();

        String merged = fixture("fixtures/github/pull_request_merged.json").replace("${login}", "octo-ada")
                .replace("\"name\": \"feature\"", "\"name\": \"" + label + "\"");
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"GITHUB\",\"event\":\"pull_request\",\"payload\":" + merged + "}")
                .post("/api/v1/mapping-rules/dry-run").then().statusCode(200)
                .body("eventType", equalTo("pull_request.merged"))
                .body("externalUser", equalTo("octo-ada"))
                .body("labels", contains(label))
                .body("ignoredReason", nullValue())
                .body("match.ruleId", equalTo(ruleId))
                .body("match.ruleName", equalTo("Dry-run label first"))
                .body("match.kind", equalTo("UNOWNED_PROBLEM"))
                .body("match.competencies", contains("agency-ownership"));

        // a pull request closed without merging is not evidence whatever the rules say
        String unmerged = fixture("fixtures/github/pull_request_closed_unmerged.json").replace("${login}", "octo-ada");
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"GITHUB\",\"event\":\"pull_request\",\"payload\":" + unmerged + "}")
                .post("/api/v1/mapping-rules/dry-run").then().statusCode(200)
                .body("match", nullValue())
                .body("ignoredReason", org.hamcrest.Matchers.notNullValue());

        assertThat(rows()).isEqualTo(before);
        given().delete("/api/v1/mapping-rules/{id}", ruleId).then().statusCode(204);
    }

    @Test
    void aSampleThatCannotBeReadIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"source\":\"GITHUB\",\"payload\":{\"action\":\"closed\"}}")
                .post("/api/v1/mapping-rules/dry-run").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("event"));
        given().contentType(ContentType.JSON).body("{\"source\":\"JIRA\",\"payload\":[1,2]}")
                .post("/api/v1/mapping-rules/dry-run").then().statusCode(400)
                .body("violations[0].field", equalTo("payload"));
        given().contentType(ContentType.JSON).body("{\"source\":\"SVN\",\"payload\":{}}")
                .post("/api/v1/mapping-rules/dry-run").then().statusCode(400)
                .body("violations[0].field", equalTo("source"));
        given().contentType(ContentType.JSON).body("{\"source\":\"GENERIC\",\"payload\":{\"type\":\"ticket.done\"}}")
                .post("/api/v1/mapping-rules/dry-run").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("payload.externalId"));
    }

    private long rows() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM evidence.ingested_event)"
                     + " + (SELECT count(*) FROM evidence.unmatched_event) + (SELECT count(*) FROM evidence.evidence)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = MappingDryRunTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
