package dev.ascent.assessment.people;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ascent.assessment.support.Api.person;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class DirectoryTest {

    private static void move(String id, String name, String level, String managerId, int expectedStatus) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("level", level);
        body.put("managerId", managerId);
        given().contentType(ContentType.JSON).body(body).put("/api/v1/people/{id}", id).then().statusCode(expectedStatus);
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    /**
     * Every change to people moves the directory's version (V9), whose row lock a transaction takes
     * before its first person row lock: two transactions changing the same two people in opposite orders
     * queue one behind the other rather than deadlock (with the version taken after the rows, PostgreSQL
     * aborted one of them).
     */
    @Test
    void changesToSeveralPeopleInOppositeOrdersQueueInsteadOfDeadlocking() throws Exception {
        UUID a = UUID.fromString(person("Ann", "PM", null));
        UUID b = UUID.fromString(person("Bob", "PM", null));
        try (java.sql.Connection first = dataSource.getConnection(); java.sql.Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            long before = version(first);
            rename(first, a, "Ann 1");
            var other = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    rename(second, b, "Bob 2");
                    rename(second, a, "Ann 2");
                    second.commit();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // the other transaction is now waiting for the version's row
            rename(first, b, "Bob 1");
            first.commit();
            other.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(version(first)).isEqualTo(before + 4);
        }
        given().get("/api/v1/people/{id}", a).then().body("name", equalTo("Ann 2"));
        given().get("/api/v1/people/{id}", b).then().body("name", equalTo("Bob 2"));
    }

    private static void rename(java.sql.Connection c, UUID id, String name) throws java.sql.SQLException {
        try (var update = c.prepareStatement("UPDATE assessment.person SET name = ? WHERE id = ?")) {
            update.setString(1, name);
            update.setObject(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static long version(java.sql.Connection c) throws java.sql.SQLException {
        try (var read = c.createStatement();
             var rows = read.executeQuery("SELECT version FROM assessment.directory_version")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void reportingLinesCannotLoop() {
        String vp = person("Vera", "VP", null);
        String director = person("Dan", "DIRECTOR", vp);
        String pm = person("Pat", "PM", director);

        Map<String, Object> body = new HashMap<>(Map.of("name", "Vera", "level", "VP", "managerId", pm));
        given().contentType(ContentType.JSON).body(body).put("/api/v1/people/{id}", vp).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:reporting-cycle"))
                .body("violations[0].field", equalTo("managerId"));
        move(vp, "Vera", "VP", vp, 400);
        move(pm, "Pat", "SENIOR_PM", vp, 200);
        given().get("/api/v1/people/{id}", pm).then().body("managerId", equalTo(vp)).body("level", equalTo("SENIOR_PM"));
    }

    @Test
    void listsDirectAndIndirectReports() {
        String root = person("Root", "CPO", null);
        String a = person("A", "DIRECTOR", root);
        String b = person("B", "DIRECTOR", root);
        String a1 = person("A1", "PM", a);
        String a2 = person("A2", "PM", a);
        String a11 = person("A11", "APM", a1);
        person("Elsewhere", "PM", null);

        List<String> direct = given().get("/api/v1/people/{id}/reports", root).then().statusCode(200)
                .extract().path("items.id");
        assertThat(direct).containsExactlyInAnyOrder(a, b);

        List<String> all = given().queryParam("depth", "all").get("/api/v1/people/{id}/reports", root)
                .then().statusCode(200).extract().path("items.id");
        assertThat(all).containsExactlyInAnyOrder(a, b, a1, a2, a11);
        int depth = given().queryParam("depth", "all").get("/api/v1/people/{id}/reports", root)
                .then().extract().path("items.find { it.id == '" + a11 + "' }.depth");
        assertThat(depth).isEqualTo(3);

        // Paging through the whole tree two at a time sees everyone once.
        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("depth", "all").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/people/{id}/reports", root).then().statusCode(200).extract();
            paged.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(all);

        List<String> team = given().queryParam("depth", "all").get("/api/v1/people/{id}/team", root)
                .then().statusCode(200).extract().path("people.id");
        assertThat(team).containsExactlyInAnyOrderElementsOf(all);
        List<String> directTeam = given().get("/api/v1/people/{id}/team", root).then().statusCode(200)
                .extract().path("people.id");
        assertThat(directTeam).containsExactlyInAnyOrder(a, b);
        assertThat(team).as("in creation order").containsExactly(a, b, a1, a2, a11);


        List<String> line = given().get("/api/v1/people/{id}/line", a11).then().statusCode(200)
                .extract().path("managers");
        assertThat(line).containsExactly(a1, a, root);
        String email = given().get("/api/v1/people/{id}", a2).then().extract().path("email");
        given().queryParam("email", email.toUpperCase()).get("/api/v1/people").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(a2));

        // Teams are walked on a chart kept in memory: a change to the directory is in the very next answer.
        move(a11, "A11", "APM", b, 200);
        given().queryParam("depth", "all").get("/api/v1/people/{id}/team", b).then().statusCode(200)
                .body("people.id", org.hamcrest.Matchers.contains(a11)).body("people[0].depth", equalTo(1))
                .body("people[0].managerId", equalTo(b)).body("people[0].level", equalTo("APM"));
        given().queryParam("depth", "all").get("/api/v1/people/{id}/team", a1).then().statusCode(200)
                .body("people.size()", equalTo(0));
        String newcomer = person("Newcomer", "PM", a2);
        given().queryParam("depth", "all").get("/api/v1/people/{id}/team", root).then().statusCode(200)
                .body("people.id", org.hamcrest.Matchers.contains(a, b, a1, a2, a11, newcomer))
                .body("people.find { it.id == '" + newcomer + "' }.depth", equalTo(3));
        given().get("/api/v1/people/{id}/team", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");

        given().queryParam("depth", "sideways").get("/api/v1/people/{id}/reports", root).then()
                .statusCode(400).body("violations[0].field", equalTo("depth"));
    }

    @Test
    void founderLedIsInheritedFromTheTeamThenTheOrganisation() {
        given().contentType(ContentType.JSON).body(Map.of("founderLed", false)).put("/api/v1/organisation")
                .then().statusCode(200);
        String head = person("Head", "VP", null);
        Map<String, Object> body = new HashMap<>(Map.of("name", "Head", "level", "VP", "founderLed", true));
        given().contentType(ContentType.JSON).body(body).put("/api/v1/people/{id}", head).then().statusCode(200);
        String lead = person("Lead", "DIRECTOR", head);
        String pm = person("Member", "PM", lead);
        String outsider = person("Outsider", "PM", null);

        given().get("/api/v1/people/{id}", pm).then().body("founderLed", equalTo(null)).body("effectiveFounderLed", equalTo(true));
        given().get("/api/v1/people/{id}", outsider).then().body("effectiveFounderLed", equalTo(false));

        // The nearest setting wins: a lead's own team setting overrides the head's for the lead's reports.
        Map<String, Object> leadBody = new HashMap<>(Map.of("name", "Lead", "level", "DIRECTOR", "managerId", head,
                "founderLed", false));
        given().contentType(ContentType.JSON).body(leadBody).put("/api/v1/people/{id}", lead).then().statusCode(200);
        given().get("/api/v1/people/{id}", pm).then().body("effectiveFounderLed", equalTo(false));
        given().get("/api/v1/people/{id}", head).then().body("effectiveFounderLed", equalTo(true));

        given().contentType(ContentType.JSON).body(Map.of("founderLed", true)).put("/api/v1/organisation")
                .then().statusCode(200).body("founderLed", equalTo(true));
        given().get("/api/v1/people/{id}", outsider).then().body("effectiveFounderLed", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("founderLed", false)).put("/api/v1/organisation")
                .then().statusCode(200);
    }
}
