package dev.ascent.assessment.people;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class PeopleResourceTest {

    private static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@Example.COM";
    }

    private static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/people").then();
    }

    @Test
    void createsAPersonAndReadsItBack() {
        String email = uniqueEmail("ada");
        String id = post(Map.of("name", "  Ada Lovelace ", "email", email, "level", "PM", "targetLevel", "SENIOR_PM"))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/people/"))
                .body("name", equalTo("Ada Lovelace"))
                .body("email", equalTo(email.toLowerCase()))
                .extract().path("id");

        given().when().get("/api/v1/people/{id}", id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Ada Lovelace"))
                .body("email", equalTo(email.toLowerCase()))
                .body("level", equalTo("PM"))
                .body("targetLevel", equalTo("SENIOR_PM"))
                .body("managerId", nullValue());
    }

    @Test
    void recordsTheManager() {
        String managerId = post(Map.of("name", "Grace", "email", uniqueEmail("grace"), "level", "DIRECTOR"))
                .statusCode(201).extract().path("id");
        String reportId = post(Map.of("name", "Alan", "email", uniqueEmail("alan"), "level", "APM", "managerId", managerId))
                .statusCode(201).extract().path("id");

        given().get("/api/v1/people/{id}", reportId).then().statusCode(200).body("managerId", equalTo(managerId));
    }

    @Test
    void rejectsASecondPersonWithTheSameEmailWhateverItsCase() {
        String email = uniqueEmail("dup");
        post(Map.of("name", "First", "email", email, "level", "PM")).statusCode(201);

        post(Map.of("name", "Second", "email", email.toUpperCase(), "level", "PM"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:email-taken"))
                .body("violations[0].field", equalTo("email"));
    }

    @Test
    void validationErrorsNameEveryField() {
        post(Map.of("name", "", "email", "not-an-email"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:validation-failed"))
                .body("status", equalTo(400))
                .body("violations.field", hasItems("name", "email", "level"));
    }

    @Test
    void unknownLevelAndManagerAreRejectedByName() {
        post(Map.of("name", "X", "email", uniqueEmail("x"), "level", "WIZARD"))
                .statusCode(400).body("violations[0].field", equalTo("level"));
        post(Map.of("name", "X", "email", uniqueEmail("x"), "level", "PM", "targetLevel", "ARCHMAGE"))
                .statusCode(400).body("violations[0].field", equalTo("targetLevel"));
        post(Map.of("name", "X", "email", uniqueEmail("x"), "level", "PM", "managerId", UUID.randomUUID().toString()))
                .statusCode(400).body("violations[0].field", equalTo("managerId"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Ada\", ").when().post("/api/v1/people").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:malformed-json"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        post(Map.of("name", "X", "email", uniqueEmail("x"), "level", "PM", "managerId", "not-a-uuid"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("managerId"));
    }

    @Test
    void unknownPersonAndUnknownRouteAreProblems() {
        given().get("/api/v1/people/{id}", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:not-found"));
        given().get("/api/v1/nothing-here").then()
                .statusCode(404).contentType("application/problem+json")
                .body("instance", endsWith("/api/v1/nothing-here"));
        given().get("/api/v1/people/not-a-uuid").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listsEveryPersonOncePageByPage() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(post(Map.of("name", "Paged " + i, "email", uniqueEmail("paged" + i), "level", "PM"))
                    .statusCode(201).extract().path("id"));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/people").then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);

        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
    }

    @Test
    void badPagingParametersNameTheParameter() {
        given().queryParam("limit", 0).get("/api/v1/people").then()
                .statusCode(400).body("violations[0].field", equalTo("limit"));
        given().queryParam("limit", 10_000).get("/api/v1/people").then()
                .statusCode(400).body("violations[0].field", equalTo("limit"));
        given().queryParam("cursor", "garbage!").get("/api/v1/people").then()
                .statusCode(400).body("violations[0].field", equalTo("cursor"));
    }
}
