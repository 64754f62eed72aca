package dev.ascent.assessment.review;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ascent.assessment.support.Api.as;
import static dev.ascent.assessment.support.Api.currentFrameworkVersion;
import static dev.ascent.assessment.support.Api.cycle;
import static dev.ascent.assessment.support.Api.person;
import static dev.ascent.assessment.support.Api.submitted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Who may run cycles, invite peers and read drafts and peer ratings, as assessment-service enforces it. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class ReviewRulesTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    private static RequestSpecification withRole(String personId, String role) {
        return given().contentType(ContentType.JSON).header("Authorization", GatewayTokens.bearer(personId, role));
    }

    private static RequestSpecification asManager(String personId) {
        return withRole(personId, "manager");
    }

    private static Map<String, Object> cycleBody(String name, String... participants) {
        return Map.of("name", name, "startsOn", LocalDate.now().minusDays(7).toString(),
                "endsOn", LocalDate.now().plusDays(21).toString(), "participantIds", List.of(participants));
    }

    private static Map<String, Object> invitation(String subject, String peer) {
        return Map.of("subjectId", subject, "peerId", peer);
    }

    private static Map<String, Object> assessment(String cycle, String subject, String kind, int influence) {
        return Map.of("cycleId", cycle, "subjectId", subject, "kind", kind,
                "ratings", List.of(Map.of("competency", "influence", "rating", influence)));
    }

    private long count(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private String participant(String cycle, String person, String field, String caller) {
        return given().header("Authorization", GatewayTokens.bearer(caller, "manager"))
                .get("/api/v1/cycles/{id}", cycle).then().statusCode(200)
                .extract().path("participants.find { it.personId == '" + person + "' }." + field).toString();
    }

    // A member finds the cycles they take part in (to self-assess); their draft is theirs alone.
    @Test
    void aPersonsCyclesShowTheirSelfAssessmentAndHideTheirDraftFromOthers() {
        String manager = person("Mara", "DIRECTOR", null);
        String member = person("Milo", "PM", manager);
        String other = person("Oona", "PM", manager);
        String older = asManager(manager).body(Map.of("name", "Older " + UUID.randomUUID(),
                        "startsOn", LocalDate.now().minusDays(60).toString(), "endsOn", LocalDate.now().minusDays(30).toString(),
                        "participantIds", List.of(member))).post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        String current = asManager(manager).body(cycleBody("Current " + UUID.randomUUID(), member, other))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        asManager(manager).body(cycleBody("Not hers " + UUID.randomUUID(), other)).post("/api/v1/cycles").then().statusCode(201);
        String draft = as(member).body(assessment(current, member, "SELF", 3)).post("/api/v1/assessments").then()
                .statusCode(201).extract().path("id");

        as(member).get("/api/v1/people/{id}/cycles", member).then().statusCode(200)
                .body("id", contains(current, older))
                .body("selfStatus", contains("DRAFT", "MISSING"))
                .body("selfAssessmentId", contains(draft, null));
        // The manager sees that nothing is submitted yet, not the draft.
        asManager(manager).get("/api/v1/people/{id}/cycles", member).then().statusCode(200)
                .body("selfStatus", contains("MISSING", "MISSING"))
                .body("selfAssessmentId", contains(null, null));

        as(member).post("/api/v1/assessments/{id}/submit", draft).then().statusCode(200);
        asManager(manager).get("/api/v1/people/{id}/cycles", member).then().statusCode(200)
                .body("selfStatus", contains("SUBMITTED", "MISSING"))
                .body("selfAssessmentId", contains(draft, null));
        asManager(manager).queryParam("limit", 0).get("/api/v1/people/{id}/cycles", member).then()
                .statusCode(400).contentType(PROBLEM);
    }

    // Rule 1: a manager sees and runs only cycles whose participants are all in their line.
    @Test
    void managersSeeAndRunOnlyCyclesWithinTheirLine() {
        String director = person("Dora", "DIRECTOR", null);
        String m1 = person("Mo", "SENIOR_PM", director);
        String m2 = person("Mina", "SENIOR_PM", director);
        String a = person("Ann", "PM", m1);
        String b = person("Ben", "PM", m2);

        String intrusion = "Intrusion " + UUID.randomUUID();
        asManager(m1).body(cycleBody(intrusion, a, b)).post("/api/v1/cycles").then()
                .statusCode(403).contentType(PROBLEM)
                .body("violations.field", contains("participantIds[1]"));
        asManager(m1).body(cycleBody(intrusion, m1)).post("/api/v1/cycles").then().statusCode(403).contentType(PROBLEM);
        asManager(m1).body(cycleBody(intrusion, UUID.randomUUID().toString())).post("/api/v1/cycles").then()
                .statusCode(403).contentType(PROBLEM);
        assertThat(count("SELECT count(*) FROM assessment.assessment_cycle WHERE name = ?1", intrusion)).isZero();

        String mine = asManager(m1).body(cycleBody("Mine " + UUID.randomUUID(), a)).post("/api/v1/cycles").then()
                .statusCode(201).extract().path("id");
        String alsoMine = asManager(director).body(cycleBody("Also " + UUID.randomUUID(), a)).post("/api/v1/cycles")
                .then().statusCode(201).extract().path("id");
        String theirs = asManager(m2).body(cycleBody("Theirs " + UUID.randomUUID(), b)).post("/api/v1/cycles").then()
                .statusCode(201).extract().path("id");

        // Listing: only cycles within the line, paged in creation order.
        String next = asManager(m1).queryParam("limit", 1).get("/api/v1/cycles").then().statusCode(200)
                .body("items.id", contains(mine)).extract().path("nextCursor");
        asManager(m1).queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/cycles").then().statusCode(200)
                .body("items.id", contains(alsoMine)).body("nextCursor", nullValue());
        asManager(m2).queryParam("limit", 200).get("/api/v1/cycles").then().statusCode(200)
                .body("items.id", contains(theirs));
        asManager(director).queryParam("limit", 200).get("/api/v1/cycles").then().statusCode(200)
                .body("items.id", contains(mine, alsoMine, theirs));

        // Reading another's cycle is a 404: as far as the caller knows, it does not exist.
        asManager(m1).get("/api/v1/cycles/{id}", theirs).then().statusCode(404).contentType(PROBLEM);
        as(b).get("/api/v1/cycles/{id}", theirs).then().statusCode(404).contentType(PROBLEM);
        asManager(m2).get("/api/v1/cycles/{id}", theirs).then().statusCode(200);
        asManager(director).get("/api/v1/cycles/{id}", theirs).then().statusCode(200);
        given().get("/api/v1/cycles/{id}", theirs).then().statusCode(200); // admins see all
        withRole(m1, "admin").get("/api/v1/cycles/{id}", theirs).then().statusCode(200);
    }

    // Rule 2: only the subject's managers or an admin invite peers; nobody invites themselves.
    @Test
    void onlyTheSubjectsManagersInvitePeersAndNobodyInvitesThemselves() {
        String director = person("Dag", "DIRECTOR", null);
        String m1 = person("Mark", "SENIOR_PM", director);
        String b = person("Bea", "PM", m1);
        String p = person("Pat", "PM", m1);
        String other = person("Oli", "PM", director);
        String admin = person("Ada", "DIRECTOR", null);
        String cycle = asManager(m1).body(cycleBody("Invites " + UUID.randomUUID(), b, p)).post("/api/v1/cycles")
                .then().statusCode(201).extract().path("id");
        String path = "/api/v1/cycles/{id}/peer-invitations";

        as(p).body(invitation(b, p)).post(path, cycle).then().statusCode(403).contentType(PROBLEM);
        as(p).body(invitation(b, other)).post(path, cycle).then().statusCode(403).contentType(PROBLEM);
        asManager(m1).body(invitation(b, m1)).post(path, cycle).then().statusCode(403).contentType(PROBLEM)
                .body("violations[0].field", equalTo("peerId"));
        asManager(director).body(invitation(b, director)).post(path, cycle).then().statusCode(403).contentType(PROBLEM);
        withRole(admin, "admin").body(invitation(b, admin)).post(path, cycle).then().statusCode(403).contentType(PROBLEM);
        asManager(m1).body(invitation(b, b)).post(path, cycle).then().statusCode(400).contentType(PROBLEM);
        assertThat(count("SELECT count(*) FROM assessment.peer_invitation WHERE cycle_id = ?1", UUID.fromString(cycle)))
                .isZero();
        assertThat(participant(cycle, b, "peersInvited", m1)).isEqualTo("0");

        asManager(m1).body(invitation(b, p)).post(path, cycle).then().statusCode(201);
        asManager(director).body(invitation(b, other)).post(path, cycle).then().statusCode(201);
        withRole(admin, "admin").body(invitation(p, b)).post(path, cycle).then().statusCode(201);
        assertThat(participant(cycle, b, "peersInvited", m1)).isEqualTo("2");
    }

    // Rule 3: a peer assessment is accepted, and counts, only from a peer invited for that subject in that cycle.
    @Test
    void onlyInvitedPeersAssessAndOnlyTheirRatingsCount() {
        String manager = person("Meg", "DIRECTOR", null);
        String b = person("Bob", "PM", manager);
        String invited = person("Ivy", "PM", manager);
        String uninvited = person("Uma", "PM", manager);
        String cycle = cycle(b);
        asManager(manager).body(invitation(b, invited)).post("/api/v1/cycles/{id}/peer-invitations", cycle)
                .then().statusCode(201);

        as(uninvited).body(assessment(cycle, b, "PEER", 1)).post("/api/v1/assessments").then()
                .statusCode(403).contentType(PROBLEM);
        assertThat(count("SELECT count(*) FROM assessment.assessment WHERE assessor_id = ?1", UUID.fromString(uninvited)))
                .isZero();
        submitted(invited, cycle, b, "PEER", Map.of("influence", 5));

        // Rows written before the rule (an uninvited peer's draft and submitted assessment) neither submit nor count.
        int version = currentFrameworkVersion();
        String oldDraft = UUID.randomUUID().toString();
        String oldSubmitted = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO assessment.assessment (id, cycle_id, subject_id, assessor_id, kind, status,
                        framework_version, created_at, updated_at, submitted_at)
                    VALUES (?1, ?2, ?3, ?4, 'PEER', 'SUBMITTED', ?5, now(), now(), now()),
                           (?6, ?2, ?3, ?7, 'PEER', 'DRAFT', ?5, now(), now(), NULL)""")
                    .setParameter(1, UUID.fromString(oldSubmitted)).setParameter(2, UUID.fromString(cycle))
                    .setParameter(3, UUID.fromString(b)).setParameter(4, UUID.fromString(uninvited))
                    .setParameter(5, version).setParameter(6, UUID.fromString(oldDraft))
                    .setParameter(7, UUID.fromString(manager)).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO assessment.assessment_rating (assessment_id, competency, rating)
                    VALUES (?1, 'influence', 1), (?2, 'influence', 1)""")
                    .setParameter(1, UUID.fromString(oldSubmitted)).setParameter(2, UUID.fromString(oldDraft))
                    .executeUpdate();
        });
        as(manager).post("/api/v1/assessments/{id}/submit", oldDraft).then().statusCode(403).contentType(PROBLEM);
        assertThat(count("SELECT count(*) FROM assessment.assessment WHERE id = ?1 AND status = 'DRAFT'",
                UUID.fromString(oldDraft))).isEqualTo(1);

        given().get("/api/v1/people/{id}/readiness", b).then().statusCode(200)
                .body("competencies.find { it.competency == 'influence' }.peerRating", equalTo(5.0f));
        given().get("/api/v1/people/{id}/peer-ratings", b).then().statusCode(200)
                .body("competencies.find { it.competency == 'influence' }.count", equalTo(1))
                .body("competencies.find { it.competency == 'influence' }.average", equalTo(5.0f));
    }

    // Rule 4: a draft is visible to its author alone, in every read path, and never counts.
    @Test
    void draftsAreTheirAuthorsAlone() {
        String director = person("Dee", "VP", null);
        String manager = person("Mac", "DIRECTOR", director);
        String b = person("Bo", "PM", manager);
        String admin = person("Adi", "DIRECTOR", null);
        String cycle = cycle(b);
        String draft = as(manager).body(assessment(cycle, b, "MANAGER", 2)).post("/api/v1/assessments").then()
                .statusCode(201).extract().path("id");

        as(manager).get("/api/v1/assessments/{id}", draft).then().statusCode(200).body("ratings.size()", equalTo(1));
        as(b).get("/api/v1/assessments/{id}", draft).then().statusCode(404).contentType(PROBLEM);
        asManager(director).get("/api/v1/assessments/{id}", draft).then().statusCode(404).contentType(PROBLEM);
        withRole(admin, "admin").get("/api/v1/assessments/{id}", draft).then().statusCode(404).contentType(PROBLEM);
        // A call for nobody (the gateway learning whose it is) sees whose it is, not what it says.
        given().get("/api/v1/assessments/{id}", draft).then().statusCode(200)
                .body("assessorId", equalTo(manager)).body("status", equalTo("DRAFT")).body("ratings.size()", equalTo(0));

        as(b).get("/api/v1/people/{id}/assessments", b).then().statusCode(200).body("id", not(hasItem(draft)));
        asManager(director).get("/api/v1/people/{id}/assessments", b).then().statusCode(200)
                .body("id", not(hasItem(draft)));
        given().get("/api/v1/people/{id}/assessments", b).then().statusCode(200).body("id", not(hasItem(draft)));
        as(manager).get("/api/v1/people/{id}/assessments", b).then().statusCode(200).body("id", hasItem(draft));

        assertThat(participant(cycle, b, "manager", director)).isEqualTo("MISSING");
        assertThat(participant(cycle, b, "manager", manager)).isEqualTo("DRAFT");
        given().get("/api/v1/people/{id}/readiness", b).then().statusCode(200)
                .body("competencies.find { it.competency == 'influence' }.managerRating", nullValue());
    }

    // Rule 5: the person assessed sees their peers' ratings only in aggregate, never who gave them.
    @Test
    void thePersonAssessedSeesPeersOnlyInAggregate() {
        String manager = person("Mae", "DIRECTOR", null);
        String b = person("Bil", "PM", manager);
        String p1 = person("Pia", "PM", manager);
        String p2 = person("Pol", "PM", manager);
        String cycle = cycle(b);
        for (String peer : List.of(p1, p2)) {
            asManager(manager).body(invitation(b, peer)).post("/api/v1/cycles/{id}/peer-invitations", cycle)
                    .then().statusCode(201);
        }
        String fromP1 = submitted(p1, cycle, b, "PEER", Map.of("influence", 4));
        submitted(p2, cycle, b, "PEER", Map.of("influence", 3, "customer-discovery", 2));
        submitted(manager, cycle, b, "MANAGER", Map.of("influence", 3));

        as(b).get("/api/v1/people/{id}/assessments", b).then().statusCode(200)
                .body("kind", contains("MANAGER"))
                .body("assessorId", not(hasItems(p1))).body("assessorId", not(hasItems(p2)));
        as(b).get("/api/v1/assessments/{id}", fromP1).then().statusCode(404).contentType(PROBLEM);
        String aggregate = as(b).get("/api/v1/people/{id}/peer-ratings", b).then().statusCode(200)
                .body("competencies.competency", contains("customer-discovery", "influence"))
                .body("competencies.find { it.competency == 'influence' }.count", equalTo(2))
                .body("competencies.find { it.competency == 'influence' }.average", equalTo(3.5f))
                .extract().asString();
        assertThat(aggregate).doesNotContain(p1).doesNotContain(p2);

        // Managers above them, admins and the peer themselves see who.
        asManager(manager).get("/api/v1/people/{id}/assessments", b).then().statusCode(200)
                .body("findAll { it.kind == 'PEER' }.assessorId", hasItems(p1, p2));
        given().get("/api/v1/people/{id}/assessments", b).then().statusCode(200)
                .body("findAll { it.kind == 'PEER' }.assessorId", hasItems(p1, p2));
        as(p1).get("/api/v1/assessments/{id}", fromP1).then().statusCode(200).body("assessorId", equalTo(p1));
    }
}
