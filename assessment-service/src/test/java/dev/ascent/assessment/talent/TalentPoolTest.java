package dev.ascent.assessment.talent;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.ascent.assessment.support.Api.as;
import static dev.ascent.assessment.support.Api.cycle;
import static dev.ascent.assessment.support.Api.person;
import static dev.ascent.assessment.support.Api.submitted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class TalentPoolTest {

    @EvidenceServiceStub.Inject
    WireMockServer evidence;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    EntityManager em;

    /** What the current framework's PM level expects: competency → evidence strength required. */
    private Map<String, Integer> pmEvidence;

    @BeforeEach
    void noEvidence() {
        evidence.resetAll();
        strengths(Map.of());
        Map<String, Map<String, Object>> pm = given().accept(ContentType.JSON).get("/api/v1/frameworks/current")
                .then().statusCode(200).extract().jsonPath().getMap("expectations.PM");
        pmEvidence = new LinkedHashMap<>();
        pm.forEach((code, e) -> pmEvidence.put(code, ((Number) e.get("evidence")).intValue()));
    }

    /** evidence-service answers these strengths: person → competency → weighted strength. */
    private void strengths(Map<String, Map<String, Double>> byPerson) {
        String people = byPerson.entrySet().stream().map(p -> """
                {"personId":"%s","competencies":[%s]}""".formatted(p.getKey(), p.getValue().entrySet().stream()
                .map(c -> """
                        {"competency":"%s","confirmed":1,"verified":1,"stale":0,"weightedStrength":%s,
                         "lastOccurredAt":"2026-10-02","items":[]}""".formatted(c.getKey(), c.getValue()))
                .collect(Collectors.joining(",")))).collect(Collectors.joining(","));
        evidence.stubFor(post("/api/v1/evidence/strength").willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"asOf\":\"2026-11-24\",\"people\":[" + people + "]}")));
    }

    private Map<String, Integer> ratingsOf(int rating) {
        return pmEvidence.keySet().stream().collect(Collectors.toMap(c -> c, c -> rating));
    }

    private Map<String, Double> evidenceFor(List<String> competencies) {
        return competencies.stream().collect(Collectors.toMap(c -> c, c -> 10.0));
    }

    private String personNamed(String name, String level, String managerId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "level", level,
                "email", "talent." + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
        if (managerId != null) {
            body.put("managerId", managerId);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/people")
                .then().statusCode(201).extract().path("id");
    }

    private void snapshot(String personId, int daysAgo, int percent, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO assessment.readiness_snapshot (person_id, target_level, taken_on, framework_version,
                                readiness_percent, status, demonstrated, expected, recorded_at)
                        VALUES (:p, 'PM', :day, 1, :percent, :status, 0, 1, now())""")
                .setParameter("p", UUID.fromString(personId))
                .setParameter("day", java.sql.Date.valueOf(LocalDate.now().minusDays(daysAgo)))
                .setParameter("percent", percent).setParameter("status", status).executeUpdate());
    }

    private JsonPath pool(String caller, String level) {
        var request = caller == null ? given() : as(caller);
        if (level != null) {
            request = request.queryParam("level", level);
        }
        return request.accept(ContentType.JSON).get("/api/v1/talent-pool").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void managersSeeTheirLineByLevelWithTrendProjectionAndSignals() {
        String manager = person("Pool Director", "DIRECTOR", null);
        String ready = personNamed("=cmd Ready", "APM", manager);
        String underRecognised = person("Pool Unsung", "APM", manager);
        String lead = person("Pool Lead", "PM", manager);
        String emerging = person("Pool Emerging", "APM", lead);
        String outsider = person("Pool Outsider", "APM", null);
        submitted(manager, cycle(ready), ready, "MANAGER", ratingsOf(5));
        submitted(lead, cycle(emerging), emerging, "MANAGER", ratingsOf(5));
        List<String> codes = new ArrayList<>(pmEvidence.keySet());
        List<String> backed = codes.subList(0, codes.size() / 2);
        strengths(Map.of(ready, evidenceFor(codes), emerging, evidenceFor(backed), underRecognised, evidenceFor(codes)));
        // The emerging person's history: 40% 100 days ago, then 50% and 60%.
        snapshot(emerging, 100, 40, "NOT_READY");
        snapshot(emerging, 60, 50, "NOT_READY");
        snapshot(emerging, 30, 60, "EMERGING");

        JsonPath pool = pool(manager, null);
        assertThat(pool.getInt("people")).isEqualTo(4);
        assertThat(pool.getBoolean("evidenceAvailable")).isTrue();
        assertThat(pool.getList("levels.targetLevel")).as("ladder order, only levels targeted")
                .containsExactly("PM", "SENIOR_PM");

        int n = codes.size();
        int emergingPercent = (int) Math.round(100.0 * (backed.size() + 0.5 * (n - backed.size())) / n);
        Map<String, Object> pm = pool.getMap("levels[0]");
        assertThat(pm).containsEntry("people", 3).containsEntry("readyNowCount", 1).containsEntry("emergingCount", 1)
                .containsEntry("opinionOnly", n - backed.size()).containsEntry("underRecognised", n);
        assertThat(pool.getString("levels[0].readyNow[0].personId")).isEqualTo(ready);
        assertThat(pool.getMap("levels[0].readyNow[0]")).containsEntry("name", "=cmd Ready")
                .containsEntry("level", "APM").containsEntry("targetLevel", "PM").containsEntry("readinessPercent", 100)
                .containsEntry("status", "READY").containsEntry("opinionOnly", 0).containsEntry("underRecognised", 0)
                .containsEntry("trend", null);
        assertThat(pool.getMap("levels[0].readyNow[0].projection"))
                .containsEntry("kind", "READY").containsEntry("monthsLow", 0).containsEntry("monthsHigh", 0);

        Map<String, Object> climber = pool.getMap("levels[0].emerging[0]");
        assertThat(climber).containsEntry("personId", emerging).containsEntry("readinessPercent", emergingPercent)
                .containsEntry("status", "EMERGING").containsEntry("trend", emergingPercent - 40)
                .containsEntry("opinionOnly", n - backed.size()).containsEntry("underRecognised", 0);
        var expected = ReadinessProjection.project(List.of(
                        new ReadinessProjection.Point(LocalDate.now().minusDays(100), 40),
                        new ReadinessProjection.Point(LocalDate.now().minusDays(60), 50),
                        new ReadinessProjection.Point(LocalDate.now().minusDays(30), 60)),
                LocalDate.now(), emergingPercent, false);
        assertThat(expected.kind()).isEqualTo(ReadinessProjection.Kind.PROJECTED);
        assertThat(pool.getMap("levels[0].emerging[0].projection")).containsEntry("kind", "PROJECTED")
                .containsEntry("monthsLow", expected.monthsLow()).containsEntry("monthsHigh", expected.monthsHigh());

        Map<String, Object> senior = pool.getMap("levels[1]");
        assertThat(senior).containsEntry("targetLevel", "SENIOR_PM").containsEntry("people", 1)
                .containsEntry("readyNowCount", 0).containsEntry("emergingCount", 0);
        assertThat(pool.getList("levels.readyNow.personId").toString()).doesNotContain(outsider);

        // Narrowed to one level; an unknown level names the field.
        assertThat(pool(manager, "SENIOR_PM").getList("levels.targetLevel")).containsExactly("SENIOR_PM");
        as(manager).get("/api/v1/talent-pool?level=NOPE").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("level"));

        // The lead sees only the person below them; someone with nobody below sees an empty pool.
        JsonPath leads = pool(lead, null);
        assertThat(leads.getInt("people")).isEqualTo(1);
        assertThat(leads.getString("levels[0].emerging[0].personId")).isEqualTo(emerging);
        assertThat(leads.getList("levels")).hasSize(1);
        JsonPath nobodyBelow = pool(emerging, null);
        assertThat(nobodyBelow.getInt("people")).isZero();
        assertThat(nobodyBelow.getList("levels")).isEmpty();

        // Admins see the whole directory, the outsider included.
        JsonPath all = pool(null, "PM");
        assertThat(all.getInt("people")).isGreaterThan(3);
        assertThat(all.getList("levels.readyNow.flatten().personId").toString()).contains(ready);

        // CSV: one row per person listed, text neutralised.
        String csv = as(manager).accept("text/csv").get("/api/v1/talent-pool").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"talent-pool-"))
                .extract().asString();
        // Quoting is the CSV writer's business (the kit's CsvTablesTest); no cell here holds a quote or comma.
        assertThat(csv.lines().map(line -> line.replace("\"", "")).toList()).containsExactly(
                "person_id,name,level,target_level,status,readiness_percent,trend_90d,projection,months_low,months_high,"
                        + "opinion_only,under_recognised",
                ready + ",'=cmd Ready,APM,PM,READY,100,,ready,0,0,0,0",
                emerging + ",Pool Emerging,APM,PM,EMERGING," + emergingPercent + "," + (emergingPercent - 40)
                        + ",projected," + expected.monthsLow() + "," + (expected.monthsHigh() == null ? "" : expected.monthsHigh())
                        + "," + (n - backed.size()) + ",0");
    }

    @Test
    void withoutEvidenceNobodyIsReadyAndNoTrendIsDrawn() {
        String manager = person("Dark Director", "DIRECTOR", null);
        String pm = person("Dark Pm", "APM", manager);
        submitted(manager, cycle(pm), pm, "MANAGER", ratingsOf(5));
        snapshot(pm, 60, 40, "NOT_READY");
        evidence.resetAll();
        evidence.stubFor(post("/api/v1/evidence/strength").willReturn(aResponse().withStatus(503)));

        JsonPath pool = pool(manager, null);
        assertThat(pool.getBoolean("evidenceAvailable")).isFalse();
        assertThat(pool.getMap("levels[0]")).containsEntry("readyNowCount", 0).containsEntry("emergingCount", 1);
        assertThat(pool.getMap("levels[0].emerging[0]")).containsEntry("trend", null).containsEntry("projection", null);
    }

    @Test
    void aLineOfOneOrOfManyCostsTheSameStatements() {
        String small = person("Small Lead", "DIRECTOR", null);
        person("Small Report", "APM", small);
        String large = person("Large Lead", "DIRECTOR", null);
        String sub = person("Large Sub", "PRINCIPAL_PM", large);
        for (int i = 0; i < 12; i++) {
            String p = person("Large Report " + i, i % 2 == 0 ? "APM" : "PM", i < 6 ? large : sub);
            snapshot(p, 40, 30, "NOT_READY");
        }
        pool(small, null);
        pool(large, null);

        long one = statements(small);
        long many = statements(large);
        assertThat(many).isEqualTo(one);
    }

    private long statements(String caller) {
        var stats = sessionFactory.getStatistics();
        stats.clear();
        pool(caller, null);
        return stats.getPrepareStatementCount();
    }
}
