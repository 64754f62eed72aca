package dev.ascent.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation that is not a product team runs the whole story on a framework of its own: its own
 * tiers, levels and competencies, none of which any service knows in advance. An admin publishes the
 * framework and a playbook for it; a designer is assessed, logs evidence by hand and through the batch
 * API (matched by email), and readiness, the plan and the lead's team report all speak the framework's
 * codes. Proves that no service keeps a copy of the default framework's vocabulary.
 */
class CustomFrameworkStoryTest extends ApiStory {


    static Map<String, Object> competency(String code, String name, String focus) {
        Map<Integer, List<String>> behaviours = new LinkedHashMap<>();
        for (int p = 1; p <= 5; p++) {
            behaviours.put(p, List.of(name + " at step " + p + ", seen in the work"));
        }
        return Map.of("code", code, "name", name, "focus", focus, "description", name + " in a design studio",
                "behaviours", behaviours);
    }

    static Map<String, Object> expects(int proficiency, int evidence) {
        return Map.of("proficiency", proficiency, "evidence", evidence);
    }

    static Map<String, Object> studioFramework() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", "Studio ladder");
        doc.put("tiers", List.of(Map.of("code", "MAKER", "name", "Maker", "focus", "MARKET"),
                Map.of("code", "STEWARD", "name", "Steward", "focus", "PEOPLE")));
        doc.put("levels", List.of(Map.of("code", "DESIGNER", "name", "Designer", "tier", "MAKER"),
                Map.of("code", "SENIOR_DESIGNER", "name", "Senior designer", "tier", "MAKER"),
                Map.of("code", "STUDIO_LEAD", "name", "Studio lead", "tier", "STEWARD")));
        doc.put("competencies", List.of(competency("craft", "Craft", "MARKET"),
                competency("user-research", "User research", "MARKET"),
                competency("mentoring", "Mentoring", "PEOPLE")));
        doc.put("expectations", Map.of(
                "DESIGNER", Map.of("craft", expects(2, 1), "user-research", expects(1, 1)),
                "SENIOR_DESIGNER", Map.of("craft", expects(3, 1), "user-research", expects(3, 1), "mentoring", expects(1, 1)),
                "STUDIO_LEAD", Map.of("craft", expects(4, 2), "user-research", expects(3, 2), "mentoring", expects(4, 2))));
        doc.put("credibilityCompetencies", List.of("craft"));
        doc.put("leadershipCompetencies", List.of("mentoring"));
        return doc;
    }

    static Map<String, Object> action(String code, String competency, String kind, List<String> tiers) {
        Map<String, Object> action = new HashMap<>();
        action.put("code", code);
        action.put("competency", competency);
        action.put("category", "CREDIBILITY");
        action.put("title", "Run a " + competency + " session and write it up");
        action.put("why", "The studio judges " + competency + " by what it can see");
        action.put("how", "Book it, run it, share the write-up with the studio");
        action.put("artefact", "the " + competency + " session write-up shared with the studio");
        action.put("durationDays", 21);
        action.put("tiers", tiers);
        action.put("evidence", List.of(Map.of("kind", kind, "competency", competency, "count", 1)));
        return action;
    }

    @Test
    void aStudioRunsTheWholeStoryOnItsOwnFramework() throws Exception {
        String admin = platform.bearer("admin@studio.example", "admin@studio.example", "admin");

        // The admin publishes the studio's own framework; it is current at once.
        int version = as(admin).body(studioFramework()).post("/api/v1/frameworks/versions")
                .then().statusCode(201).extract().path("version");
        as(admin).post("/api/v1/frameworks/versions/{v}/publish", version).then().statusCode(200);
        given().header("Authorization", admin).accept(ContentType.JSON).get("/api/v1/frameworks/current").then()
                .statusCode(200).header("X-Framework-Version", String.valueOf(version));

        // A playbook for it: its competencies and tiers, the default's are now unknown.
        as(admin).body(Map.of("actions", List.of(action("default-thinking", "execution-delivery", "DELIVERY", List.of("IC")))))
                .post("/api/v1/playbook/versions").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("actions[0].competency", "actions[0].tiers[0]"));
        as(admin).body(Map.of("actions", List.of(
                        action("critique-circle", "craft", "DELIVERY", List.of("MAKER")),
                        action("field-study", "user-research", "CUSTOMER_DISCOVERY_SESSION", List.of("MAKER", "STEWARD")),
                        action("pair-with-a-junior", "mentoring", "PEOPLE_DEVELOPMENT", List.of("MAKER", "STEWARD")))))
                .post("/api/v1/playbook/versions").then().statusCode(201);

        // People on the studio's levels; a level of the default framework is refused.
        String leadId = person(admin, "Lee Lead", "lee@studio.example", "STUDIO_LEAD", null);
        String designerId = person(admin, "Dana Designer", "dana@studio.example", "DESIGNER", leadId);
        as(admin).body(Map.of("name", "Pat", "email", "pat@studio.example", "level", "PM"))
                .post("/api/v1/people").then().statusCode(400);
        String designer = platform.bearer("idp|dana", "dana@studio.example", "member");
        String lead = platform.bearer("idp|lee", "lee@studio.example", "manager");

        // Assessed on the studio's competencies.
        String cycle = as(lead).body(Map.of("name", "Studio review", "startsOn", LocalDate.now().minusDays(2).toString(),
                        "endsOn", LocalDate.now().plusDays(20).toString(), "participantIds", List.of(designerId)))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        String self = as(designer).body(Map.of("cycleId", cycle, "subjectId", designerId, "kind", "SELF", "ratings",
                        List.of(Map.of("competency", "craft", "rating", 3), Map.of("competency", "user-research", "rating", 2))))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        as(designer).post("/api/v1/assessments/{id}/submit", self).then().statusCode(200);
        String review = as(lead).body(Map.of("cycleId", cycle, "subjectId", designerId, "kind", "MANAGER", "ratings",
                        List.of(Map.of("competency", "craft", "rating", 3), Map.of("competency", "user-research", "rating", 3))))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        as(lead).post("/api/v1/assessments/{id}/submit", review).then().statusCode(200);
        as(lead).body(Map.of("subjectId", designerId, "competency", "craft", "rating", 3,
                        "rationale", "Her critique notes are the studio's reference"))
                .post("/api/v1/calibrations").then().statusCode(201);

        // Evidence by hand on the studio's competencies; the default's are refused.
        String logged = as(designer).body(Map.of("personId", designerId, "kind", "DELIVERY",
                        "competencies", List.of("craft"), "title", "Shipped the new booking flow designs",
                        "occurredAt", LocalDate.now().minusDays(5).toString()))
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        as(designer).body(Map.of("personId", designerId, "kind", "DELIVERY",
                        "competencies", List.of("execution-delivery"), "title", "Old habits",
                        "occurredAt", LocalDate.now().minusDays(5).toString()))
                .post("/api/v1/evidence").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("competencies[0]"));
        as(lead).post("/api/v1/evidence/{id}/verify", logged).then().statusCode(200);

        // Evidence through the batch API: a rule maps the studio's research sessions to its competency,
        // and the event's actor is found by email, with no identity link.
        JsonPath source = as(admin).body(Map.of("kind", "GENERIC", "name", "research-ops"))
                .post("/api/v1/integrations").then().statusCode(201).extract().jsonPath();
        as(admin).body(Map.of("name", "Research sessions", "priority", 1, "source", "GENERIC",
                        "eventTypes", List.of("research-session"), "kind", "CUSTOMER_DISCOVERY_SESSION",
                        "competencies", List.of("user-research")))
                .post("/api/v1/mapping-rules").then().statusCode(201);
        String integration = platform.integrationBearer("research-ops@studio.example", source.getString("id"));
        Map<String, Object> event = Map.of("externalId", "session-" + UUID.randomUUID(), "type", "research-session",
                "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).toString(),
                "actorEmail", "Dana@Studio.example", "title", "Five interviews with clinic receptionists");
        as(integration).body(List.of(event)).post("/api/v1/ingest/{id}/events", source.getString("id"))
                .then().statusCode(202);
        List<String> suggested = as(designer).queryParam("personId", designerId).queryParam("status", "SUGGESTED")
                .get("/api/v1/evidence").then().statusCode(200).extract().path("items.id");
        assertThat(suggested).hasSize(1);
        as(designer).post("/api/v1/evidence/{id}/confirm", suggested.getFirst()).then().statusCode(200);

        // Readiness speaks the studio's framework: its next level, tier, focus and competencies.
        JsonPath readiness = as(designer).get("/api/v1/people/{id}/readiness", designerId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(readiness.getString("targetLevel")).isEqualTo("SENIOR_DESIGNER");
        assertThat(readiness.getString("targetTier")).isEqualTo("MAKER");
        assertThat(readiness.getString("targetFocus")).isEqualTo("MARKET");
        assertThat(readiness.getInt("frameworkVersion")).isEqualTo(version);
        assertThat(readiness.getList("competencies.competency", String.class))
                .containsExactlyInAnyOrder("craft", "user-research", "mentoring");
        assertThat(readiness.getFloat("competencies.find { it.competency == 'craft' }.evidenceStrength")).isEqualTo(1.0f);
        assertThat(readiness.getFloat("competencies.find { it.competency == 'user-research' }.evidenceStrength")).isEqualTo(0.7f);
        assertThat(readiness.getString("competencies.find { it.competency == 'craft' }.verdict")).isEqualTo("DEMONSTRATED");

        // A plan from the studio's playbook for what is missing.
        JsonPath plan = as(designer).body(Map.of("personId", designerId, "horizonDays", 60)).post("/api/v1/plans")
                .then().statusCode(201).extract().jsonPath();
        assertThat(plan.getList("actions.code", String.class)).isNotEmpty()
                .allSatisfy(code -> assertThat(code).isIn("critique-circle", "field-study", "pair-with-a-junior"));
        assertThat(plan.getList("focus.competency", String.class)).contains("mentoring").doesNotContain("craft");

        // The lead's team report: the designer's row in the studio's competencies.
        JsonPath report = as(lead).get("/api/v1/teams/{id}/report", leadId).then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("unavailable")).isEmpty();
        String row = "people.find { it.personId == '" + designerId + "' }.";
        assertThat(report.getInt(row + "readinessPercent")).isEqualTo(readiness.getInt("readinessPercent"));
        assertThat(report.getInt(row + "evidenceLast90Days.craft")).isEqualTo(1);
        assertThat(report.getInt(row + "evidenceLast90Days.user-research")).isEqualTo(1);
        assertThat(report.getMap(row + "competencies").keySet())
                .allSatisfy(code -> assertThat(code).isIn("craft", "user-research", "mentoring"));
    }
}
