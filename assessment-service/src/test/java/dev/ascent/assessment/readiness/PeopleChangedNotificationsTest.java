package dev.ascent.assessment.readiness;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.ChangeNotifications;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static dev.ascent.assessment.support.Api.as;
import static dev.ascent.assessment.support.Api.calibrate;
import static dev.ascent.assessment.support.Api.cycle;
import static dev.ascent.assessment.support.Api.person;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What this service's triggers tell the gateway's kept answers (V8): whose answers a committed change
 * may have altered. Too little said leaves a stale answer showing; everyone said for a single person's
 * change drops every kept answer.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class PeopleChangedNotificationsTest {

    @Inject
    AgroalDataSource database;

    @Test
    void aRatingCountsForItsSubjectOnceSubmittedAndACalibrationAtOnce() {
        String manager = person("Manager", "DIRECTOR", null);
        String pm = person("Pm", "PM", manager);
        String cycle = cycle(pm);
        try (ChangeNotifications changes = ChangeNotifications.listen(database)) {
            String draft = as(manager).body(Map.of("cycleId", cycle, "subjectId", pm, "kind", "MANAGER", "ratings",
                            java.util.List.of(Map.of("competency", "customer-discovery", "rating", 3))))
                    .post("/api/v1/assessments").then().statusCode(201).extract().<String>path("id");
            assertThat(changes.heard().concerns(UUID.fromString(pm))).as("a draft is nobody's readiness").isFalse();

            as(manager).post("/api/v1/assessments/{id}/submit", draft).then().statusCode(200);
            var submitted = changes.heard();
            assertThat(submitted.people()).containsExactly(UUID.fromString(pm));
            assertThat(submitted.everyone()).isFalse();

            calibrate(manager, pm, "customer-discovery", 4);
            assertThat(changes.heard().people()).containsExactly(UUID.fromString(pm));
        }
    }

    @Test
    void aPersonsOwnDetailsAreTheirsButWhoManagesThemIsEveryones() {
        String lead = person("Lead", "DIRECTOR", null);
        String other = person("Other lead", "DIRECTOR", null);
        try (ChangeNotifications changes = ChangeNotifications.listen(database)) {
            String pm = person("Pm", "PM", lead);
            assertThat(changes.heard().people()).containsExactly(UUID.fromString(pm));

            update(pm, "Pm renamed", "PM", lead, null);
            var renamed = changes.heard();
            assertThat(renamed.people()).containsExactly(UUID.fromString(pm));
            assertThat(renamed.everyone()).isFalse();

            // Founder-led is inherited down a reporting line: a new manager or a team's own setting is everyone's.
            update(pm, "Pm renamed", "PM", other, null);
            assertThat(changes.heard().everyone()).isTrue();
            update(lead, "Lead", "DIRECTOR", null, true);
            assertThat(changes.heard().everyone()).isTrue();

            given().contentType(ContentType.JSON).body(Map.of("founderLed", true)).put("/api/v1/organisation")
                    .then().statusCode(200);
            assertThat(changes.heard().everyone()).isTrue();
            given().contentType(ContentType.JSON).body(Map.of("founderLed", false)).put("/api/v1/organisation")
                    .then().statusCode(200);
            changes.heard();
        }
    }

    @Test
    void aRefusedWriteSaysNothing() {
        String pm = person("Pm", "PM", null);
        try (ChangeNotifications changes = ChangeNotifications.listen(database)) {
            given().contentType(ContentType.JSON).body(Map.of("name", "", "level", "PM")).put("/api/v1/people/{id}", pm)
                    .then().statusCode(400);
            given().contentType(ContentType.JSON).body(Map.of("name", "Pm", "level", "NO_SUCH_LEVEL"))
                    .put("/api/v1/people/{id}", pm).then().statusCode(400);
            var heard = changes.heard();
            assertThat(heard.people()).isEmpty();
            assertThat(heard.everyone()).isFalse();
        }
    }

    private static void update(String id, String name, String level, String managerId, Boolean founderLed) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("level", level);
        body.put("managerId", managerId);
        body.put("founderLed", founderLed);
        given().contentType(ContentType.JSON).body(body).put("/api/v1/people/{id}", id).then().statusCode(200);
    }
}
