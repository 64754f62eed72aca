package dev.ascent.assessment.readiness;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.ascent.assessment.support.Api.as;
import static dev.ascent.assessment.support.Api.calibrate;
import static dev.ascent.assessment.support.Api.cycle;
import static dev.ascent.assessment.support.Api.person;
import static dev.ascent.assessment.support.Api.submitted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class ReadinessHistoryTest {

    @EvidenceServiceStub.Inject
    WireMockServer evidence;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    EntityManager em;

    @BeforeEach
    void noEvidence() {
        evidence.resetAll();
        evidenceStrength(null, null, 0);
    }

    /** evidence-service answers; with a person, that person has the given strength in one competency. */
    private void evidenceStrength(String personId, String competency, double strength) {
        String people = personId == null ? "[]" : """
                [{"personId":"%s","competencies":[{"competency":"%s","confirmed":1,"verified":1,"stale":0,
                  "weightedStrength":%s,"lastOccurredAt":"2026-10-02","items":[]}]}]
                """.formatted(personId, competency, strength);
        evidence.stubFor(post("/api/v1/evidence/strength").willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"asOf\":\"2026-11-24\",\"people\":" + people + "}")));
    }

    private List<Map<String, Object>> history(String personId) {
        return given().get("/api/v1/people/{id}/readiness/history", personId).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /** Moves every snapshot of the person a day back, as if the reads so far had happened yesterday. */
    private void aDayPasses(String personId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE assessment.readiness_snapshot SET taken_on = taken_on - 1 WHERE person_id = :p")
                .setParameter("p", UUID.fromString(personId)).executeUpdate());
    }

    private int readiness(String personId) {
        return given().get("/api/v1/people/{id}/readiness", personId).then().statusCode(200)
                .extract().path("readinessPercent");
    }

    @Test
    void aChangedReadinessLeavesASnapshotAndAnUnchangedReadNone() {
        String manager = person("Hist Manager", "DIRECTOR", null);
        String pm = person("Hist Pm", "PM", manager);
        submitted(manager, cycle(pm), pm, "MANAGER", Map.of("customer-discovery", 1, "influence", 2));

        int first = readiness(pm);
        assertThat(history(pm)).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("date", LocalDate.now().toString()).containsEntry("readinessPercent", first)
                    .containsEntry("targetLevel", "SENIOR_PM").containsEntry("status", "NOT_READY");
            assertThat(p.get("frameworkVersion")).isInstanceOf(Integer.class);
        });
        aDayPasses(pm);
        readiness(pm);
        bulk(List.of(pm));
        assertThat(history(pm)).as("unchanged reads, single and bulk, add nothing").hasSize(1);

        // A new rating: the next read records it.
        submitted(manager, cycle(pm), pm, "MANAGER", Map.of("customer-discovery", 1, "influence", 3));
        int rated = readiness(pm);
        assertThat(rated).isGreaterThan(first);
        assertThat(history(pm)).hasSize(2).last().satisfies(p -> assertThat(p).containsEntry("readinessPercent", rated));
        aDayPasses(pm);

        // A calibration, read through the bulk path (one statement for everyone's snapshots).
        calibrate(manager, pm, "customer-discovery", 3);
        bulk(List.of(pm));
        var afterCalibration = history(pm);
        assertThat(afterCalibration).hasSize(3);
        assertThat((Integer) afterCalibration.get(2).get("readinessPercent")).isGreaterThan(rated);
        assertThat(afterCalibration.get(2)).containsEntry("date", LocalDate.now().toString());

        // Evidence: a later change the same day replaces the day's row rather than adding one.
        evidenceStrength(pm, "influence", 3.0);
        int withEvidence = readiness(pm);
        var afterEvidence = history(pm);
        assertThat(afterEvidence).hasSize(3);
        assertThat(afterEvidence.get(2)).containsEntry("readinessPercent", withEvidence);
        assertThat(withEvidence).isGreaterThan((Integer) afterCalibration.get(2).get("readinessPercent"));
        assertThat(afterEvidence.stream().map(p -> (String) p.get("date")).toList())
                .as("oldest first").isSorted();

        // When evidence-service is unavailable readiness is a ratings-only figure: not recorded as a trend.
        evidence.resetAll();
        evidence.stubFor(post("/api/v1/evidence/strength").willReturn(aResponse().withStatus(503)));
        readiness(pm);
        assertThat(history(pm)).hasSize(3).last()
                .satisfies(p -> assertThat(p).containsEntry("readinessPercent", withEvidence));
    }

    @Test
    void anUnchangedReadOfAPersonSkipsTheSnapshotStatement() {
        String manager = person("Skip Manager", "DIRECTOR", null);
        String pm = person("Skip Pm", "PM", manager);
        submitted(manager, cycle(pm), pm, "MANAGER", Map.of("customer-discovery", 2));
        readiness(manager); // the framework is read and kept before counting

        long first = readinessStatements(pm);
        long again = readinessStatements(pm);

        assertThat(again).as("the same figures again: no upsert").isEqualTo(first - 1);
        assertThat(history(pm)).hasSize(1);
        submitted(manager, cycle(pm), pm, "MANAGER", Map.of("customer-discovery", 4));
        assertThat(readinessStatements(pm)).as("changed figures are written").isEqualTo(first);
        assertThat(history(pm)).hasSize(1).last().satisfies(p -> assertThat((Integer) p.get("readinessPercent"))
                .isEqualTo(readiness(pm)));
    }

    private long readinessStatements(String personId) {
        var stats = sessionFactory.getStatistics();
        stats.clear();
        readiness(personId);
        return stats.getPrepareStatementCount();
    }

    private void bulk(List<String> ids) {
        given().contentType(ContentType.JSON).body(Map.of("personIds", ids, "includeCompetencies", false))
                .post("/api/v1/readiness/bulk").then().statusCode(200);
    }

    @Test
    void historyForOneOrATeamCostsTheSameStatementsAndRefusesBadInput() {
        String manager = person("Team Lead", "DIRECTOR", null);
        String outsider = person("Outsider", "PM", null);
        List<String> team = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            team.add(person("Teammate " + i, "PM", manager));
        }
        bulk(team);

        long three = historyStatements(manager, team.subList(0, 3));
        long thirty = historyStatements(manager, team);
        assertThat(thirty).isEqualTo(three).isLessThanOrEqualTo(3);

        as(manager).body(Map.of("personIds", team.subList(0, 2), "from", LocalDate.now().minusDays(3).toString()))
                .post("/api/v1/readiness/history/bulk").then().statusCode(200)
                .body("to", equalTo(LocalDate.now().toString()))
                .body("people", hasSize(2))
                .body("people[1].personId", equalTo(team.get(1)))
                .body("people[1].points", hasSize(1))
                .body("people[1].points[0].targetLevel", equalTo("SENIOR_PM"));
        // A window that ends before anything was recorded.
        given().queryParam("to", LocalDate.now().minusDays(1).toString())
                .get("/api/v1/people/{id}/readiness/history", team.get(0)).then().statusCode(200).body("$", hasSize(0));

        // Outside the caller's line: refused, naming the entry.
        as(manager).body(Map.of("personIds", List.of(team.get(0), outsider))).post("/api/v1/readiness/history/bulk")
                .then().statusCode(403).body("violations[0].field", equalTo("personIds[1]"));
        given().contentType(ContentType.JSON).body(Map.of("personIds", List.of(UUID.randomUUID())))
                .post("/api/v1/readiness/history/bulk").then().statusCode(400)
                .body("violations[0].field", equalTo("personIds[0]"));

        // Bad input names the field.
        given().queryParam("from", "2026-12-01").queryParam("to", "2026-11-01")
                .get("/api/v1/people/{id}/readiness/history", manager).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("from"));
        given().queryParam("to", "yesterday").get("/api/v1/people/{id}/readiness/history", manager)
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        given().get("/api/v1/people/{id}/readiness/history", UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("personIds", team, "from", "30/11/2026"))
                .post("/api/v1/readiness/history/bulk").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().contentType(ContentType.JSON)
                .body(Map.of("personIds", Collections.nCopies(1001, UUID.randomUUID().toString())))
                .post("/api/v1/readiness/history/bulk").then().statusCode(400)
                .body("violations[0].field", equalTo("personIds"));
    }

    private long historyStatements(String caller, List<String> ids) {
        var stats = sessionFactory.getStatistics();
        stats.clear();
        as(caller).body(Map.of("personIds", ids)).post("/api/v1/readiness/history/bulk")
                .then().statusCode(200).body("people.size()", equalTo(ids.size()))
                .body("people.findAll { it.points.size() == 1 }.size()", equalTo(ids.size()));
        return stats.getPrepareStatementCount();
    }
}
