package dev.ascent.evidence.aggregate;

import dev.ascent.evidence.CountingConnection;
import dev.ascent.evidence.directory.AssessmentServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The figures of docs/service-contracts.md, checked number by number. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(AssessmentServiceStub.class)
class AggregateResourceTest {

    private static final String AS_OF = "2026-11-24";

    @Inject
    AgroalDataSource dataSource;

    UUID ada;
    UUID bob;
    UUID cleo;
    UUID manager;
    String verifiedRecent;

    private String log(UUID actor, UUID owner, String kind, List<String> competencies, String occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", owner.toString());
        body.put("kind", kind);
        body.put("competencies", competencies);
        body.put("title", kind + " on " + occurredAt);
        body.put("occurredAt", occurredAt);
        body.put("links", List.of("https://docs.example.com/" + kind.toLowerCase() + "/" + occurredAt));
        return given().contentType(ContentType.JSON).header("X-Ascent-Actor-Id", actor.toString()).body(body)
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
    }

    /** Logged for {@code owner} by an admin (no reporting line to consult): suggested until they confirm it. */
    private void suggest(UUID owner, String kind, List<String> competencies, String occurredAt) {
        given().contentType(ContentType.JSON).header("Authorization",
                        dev.ascent.testsupport.GatewayTokens.bearer(UUID.randomUUID().toString(), "admin"))
                .body(Map.of("personId", owner.toString(), "kind", kind, "competencies", competencies,
                        "title", kind + " on " + occurredAt, "occurredAt", occurredAt))
                .post("/api/v1/evidence").then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("SUGGESTED"));
    }

    private void verify(String id) {
        given().header("X-Ascent-Actor-Id", manager.toString()).post("/api/v1/evidence/{id}/verify", id).then()
                .statusCode(200);
    }

    @BeforeEach
    void logEvidence() {
        ada = UUID.randomUUID();
        bob = UUID.randomUUID();
        cleo = UUID.randomUUID();
        manager = UUID.randomUUID();
        verifiedRecent = log(ada, ada, "CUSTOMER_DISCOVERY_SESSION", List.of("customer-discovery", "customer-facing"), "2026-10-02");
        verify(verifiedRecent);                                                                   // 53 days: 1.0 × 1.0
        log(ada, ada, "CUSTOMER_DISCOVERY_SESSION", List.of("customer-discovery"), "2026-06-01"); // 176 days: 0.7 × 1.0
        log(ada, ada, "CUSTOMER_DISCOVERY_SESSION", List.of("customer-discovery"), "2025-06-01"); // 541 days: 0.7 × 0.5
        verify(log(ada, ada, "CUSTOMER_DISCOVERY_SESSION", List.of("customer-discovery"), "2024-01-01")); // stale
        suggest(ada, "CUSTOMER_DISCOVERY_SESSION", List.of("customer-discovery"), "2026-10-10");     // suggested: not counted
        String rejected = log(ada, ada, "CUSTOMER_DISCOVERY_SESSION", List.of("customer-discovery"), "2026-10-11");
        given().contentType(ContentType.JSON).header("X-Ascent-Actor-Id", ada.toString()).body("{}")
                .post("/api/v1/evidence/{id}/reject", rejected).then().statusCode(200);           // rejected: not counted
        log(ada, ada, "DELIVERY", List.of("execution-delivery"), "2026-12-01");                   // after asOf

        log(cleo, cleo, "DELIVERY", List.of("execution-delivery"), "2025-11-24");                 // 365 days: 0.7
        log(cleo, cleo, "DELIVERY", List.of("execution-delivery"), "2024-11-24");                 // 730 days: 0.35
        log(cleo, cleo, "DELIVERY", List.of("execution-delivery"), "2024-11-23");                 // 731 days: stale
    }

    @Test
    void weighsByVerificationAndRecencyForEveryRequestedPerson() {
        given().contentType(ContentType.JSON)
                .body(Map.of("personIds", List.of(ada, bob, cleo), "asOf", AS_OF))
                .post("/api/v1/evidence/strength").then().statusCode(200)
                .body("asOf", equalTo(AS_OF))
                .body("people.personId", contains(ada.toString(), bob.toString(), cleo.toString()))
                .body("people[0].competencies.competency", contains("customer-discovery", "customer-facing"))
                .body("people[0].competencies[0].confirmed", equalTo(2))
                .body("people[0].competencies[0].verified", equalTo(1))
                .body("people[0].competencies[0].stale", equalTo(1))
                .body("people[0].competencies[0].weightedStrength", equalTo(2.05f))
                .body("people[0].competencies[0].lastOccurredAt", equalTo("2026-10-02"))
                .body("people[0].competencies[0].items", nullValue())
                .body("people[0].competencies[1].verified", equalTo(1))
                .body("people[0].competencies[1].weightedStrength", equalTo(1.0f))
                .body("people[1].competencies", hasSize(0))
                .body("people[2].competencies[0].competency", equalTo("execution-delivery"))
                .body("people[2].competencies[0].confirmed", equalTo(2))
                .body("people[2].competencies[0].stale", equalTo(1))
                .body("people[2].competencies[0].weightedStrength", equalTo(1.05f));
    }

    private Map<String, Long> versions(UUID... people) {
        List<Map<String, Object>> answered = given().contentType(ContentType.JSON)
                .body(Map.of("personIds", List.of(people))).post("/api/v1/evidence/strength/versions")
                .then().statusCode(200).extract().path("versions");
        Map<String, Long> versions = new HashMap<>();
        answered.forEach(v -> versions.put((String) v.get("personId"), ((Number) v.get("version")).longValue()));
        return versions;
    }

    private void sql(String statement, String id) throws Exception {
        try (Connection c = dataSource.getConnection(); var st = c.prepareStatement(statement)) {
            st.setObject(1, UUID.fromString(id));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    /** The versions readiness's read model relies on move with counted evidence, whatever writes it, and only then. */
    @Test
    void strengthVersionsMoveWhenCountedEvidenceChangesAndOnlyThen() throws Exception {
        Map<String, Long> start = versions(ada, bob, cleo);
        assertThat(start).containsOnlyKeys(ada.toString(), cleo.toString()); // bob never had counted evidence

        UUID dan = UUID.randomUUID();
        suggest(dan, "DELIVERY", List.of("execution-delivery"), "2026-10-01");
        assertThat(versions(dan)).as("a suggestion counts for nothing").isEmpty();

        String item = log(dan, dan, "DELIVERY", List.of("execution-delivery"), "2026-10-01");
        long logged = versions(dan).get(dan.toString());
        sql("UPDATE evidence.evidence SET impact = 'what no count reads', updated_at = now() WHERE id = ?", item);
        assertThat(versions(dan).get(dan.toString())).as("a change nothing counted reads").isEqualTo(logged);
        sql("UPDATE evidence.evidence SET title = 'Renamed' WHERE id = ?", item);
        long renamed = versions(dan).get(dan.toString());
        assertThat(renamed).as("tagged counts read the title").isGreaterThan(logged);
        sql("UPDATE evidence.evidence SET summary = 'with a spec-review' WHERE id = ?", item);
        long summarised = versions(dan).get(dan.toString());
        assertThat(summarised).as("and the summary").isGreaterThan(renamed);
        sql("UPDATE evidence.evidence SET links = '{https://docs.example.com/spec-review}' WHERE id = ?", item);
        long linked = versions(dan).get(dan.toString());
        assertThat(linked).as("and the links").isGreaterThan(summarised);
        logged = linked;

        verify(item);
        long verified = versions(dan).get(dan.toString());
        assertThat(verified).isGreaterThan(logged);
        sql("UPDATE evidence.evidence SET occurred_at = occurred_at - 400 WHERE id = ?", item);
        long redated = versions(dan).get(dan.toString());
        assertThat(redated).isGreaterThan(verified);
        sql("UPDATE evidence.evidence SET competencies = '{influence}' WHERE id = ?", item);
        long remapped = versions(dan).get(dan.toString());
        assertThat(remapped).isGreaterThan(redated);

        String dropped = log(dan, dan, "DELIVERY", List.of("execution-delivery"), "2026-10-02");
        long another = versions(dan).get(dan.toString());
        assertThat(another).isGreaterThan(remapped);
        given().contentType(ContentType.JSON).header("X-Ascent-Actor-Id", dan.toString()).body("{}")
                .post("/api/v1/evidence/{id}/reject", dropped).then().statusCode(200);
        long rejected = versions(dan).get(dan.toString());
        assertThat(rejected).isGreaterThan(another);

        String other = log(dan, dan, "DELIVERY", List.of("execution-delivery"), "2026-10-03");
        long second = versions(dan).get(dan.toString());
        sql("UPDATE evidence.evidence SET person_id = '" + bob + "' WHERE id = ?", other);
        assertThat(versions(dan).get(dan.toString())).as("the item's old owner").isGreaterThan(second);
        assertThat(versions(bob)).as("and its new one").containsKey(bob.toString());
        long moved = versions(dan).get(dan.toString());
        sql("DELETE FROM evidence.evidence WHERE id = ?", other);
        assertThat(versions(bob).get(bob.toString())).as("a deleted item's owner").isGreaterThan(moved);

        assertThat(versions(ada, cleo)).as("nobody else moved").isEqualTo(start);
    }

    @Test
    void listsTheItemsThatCountedWithTheirFactors() {
        given().contentType(ContentType.JSON)
                .body(Map.of("personIds", List.of(ada), "asOf", AS_OF, "includeItems", true))
                .post("/api/v1/evidence/strength").then().statusCode(200)
                .body("people[0].competencies[0].items", hasSize(4))
                .body("people[0].competencies[0].items[0].id", equalTo(verifiedRecent))
                .body("people[0].competencies[0].items[0].status", equalTo("VERIFIED"))
                .body("people[0].competencies[0].items[0].kind", equalTo("CUSTOMER_DISCOVERY_SESSION"))
                .body("people[0].competencies[0].items.occurredAt",
                        contains("2026-10-02", "2026-06-01", "2025-06-01", "2024-01-01"))
                .body("people[0].competencies[0].items.verificationFactor", contains(1.0f, 0.7f, 0.7f, 1.0f))
                .body("people[0].competencies[0].items.recencyFactor", contains(1.0f, 1.0f, 0.5f, 0.0f))
                .body("people[0].competencies[0].items.weight", contains(1.0f, 0.7f, 0.35f, 0.0f))
                // a promotion case cites the work itself and who vouched for it
                .body("people[0].competencies[0].items[0].links",
                        contains("https://docs.example.com/customer_discovery_session/2026-10-02"))
                .body("people[0].competencies[0].items.verifiedBy",
                        contains(manager.toString(), null, null, manager.toString()));
    }

    /** With items the figures are added up from them: they must be the ones PostgreSQL groups without. */
    @Test
    void theFiguresWithItemsAreTheFiguresWithout() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (String asOf : List.of(AS_OF, "2026-12-05", "2025-11-24", "2025-06-01")) {
                for (List<UUID> people : List.of(List.of(ada), List.of(cleo), List.of(ada, bob, cleo))) {
                    StrengthResponse with = EvidenceAggregates.strength(c, people, LocalDate.parse(asOf), true);
                    StrengthResponse without = EvidenceAggregates.strength(c, people, LocalDate.parse(asOf), false);
                    assertThat(with.people()).allSatisfy(p -> assertThat(p.competencies())
                            .allSatisfy(f -> assertThat(f.items()).isNotEmpty()));
                    assertThat(new StrengthResponse(with.asOf(), with.people().stream()
                            .map(p -> new StrengthResponse.PersonStrength(p.personId(), p.competencies().stream()
                                    .map(f -> new StrengthResponse.CompetencyStrength(f.competency(), f.confirmed(),
                                            f.verified(), f.stale(), f.weightedStrength(), f.lastOccurredAt(), null))
                                    .toList()))
                            .toList())).as(asOf + " " + people).isEqualTo(without);
                }
            }
        }
    }

    @Test
    void asOfDefaultsToToday() {
        given().contentType(ContentType.JSON).body(Map.of("personIds", List.of(ada)))
                .post("/api/v1/evidence/strength").then().statusCode(200)
                .body("asOf", equalTo(LocalDate.now(java.time.ZoneOffset.UTC).toString()));
    }

    @Test
    void countsConfirmedAndVerifiedEvidenceSinceEachWindowStarted() {
        given().contentType(ContentType.JSON)
                .body(Map.of("windows", List.of(Map.of("personId", ada, "since", "2026-01-01"),
                        Map.of("personId", bob, "since", "2026-01-01"),
                        Map.of("personId", cleo, "since", "2025-01-01"))))
                .post("/api/v1/evidence/counts").then().statusCode(200)
                .body("counts", hasSize(4))
                .body("counts.findAll { it.personId == '" + ada + "' }.collect { it.kind + '/' + it.competency + '=' + it.count }",
                        containsInAnyOrder("CUSTOMER_DISCOVERY_SESSION/customer-discovery=2",
                                "CUSTOMER_DISCOVERY_SESSION/customer-facing=1", "DELIVERY/execution-delivery=1"))
                .body("counts.findAll { it.personId == '" + cleo + "' }.count", contains(1));
    }

    private void logTagged(UUID owner, String title, String summary, List<String> links) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", owner.toString());
        body.put("kind", "DELIVERY");
        body.put("competencies", List.of("product-craft"));
        body.put("title", title);
        if (summary != null) {
            body.put("summary", summary);
        }
        body.put("links", links);
        body.put("occurredAt", "2026-10-01");
        given().contentType(ContentType.JSON).header("X-Ascent-Actor-Id", owner.toString()).body(body)
                .post("/api/v1/evidence").then().statusCode(201);
    }

    @Test
    void countsOnlyTheItemsCarryingATagAsAWholeWord() {
        logTagged(bob, "Checkout Spec-Review signed off", null, List.of());                       // title, any case
        logTagged(bob, "Checkout spec", "Held the spec-review with design", List.of());           // summary
        logTagged(bob, "Checkout spec", null, List.of("https://docs.example.com/spec-review/42")); // a link
        logTagged(bob, "Met the spec-reviewer", null, List.of());                                 // not the whole word
        logTagged(bob, "Spec review held", null, List.of());                                       // not the tag
        logTagged(bob, "Closed a ticket", "bug fix", List.of("https://tracker.example.com/T-1")); // nothing

        given().contentType(ContentType.JSON)
                .body(Map.of("windows", List.of(Map.of("personId", bob, "since", "2026-01-01",
                                "tags", List.of("spec-review", "launch-note")),
                        Map.of("personId", cleo, "since", "2025-01-01", "tags", List.of("spec-review")))))
                .post("/api/v1/evidence/counts").then().statusCode(200)
                .body("counts.collect { it.personId + '/' + it.kind + '/' + it.competency + '/' + it.tag + '=' + it.count }",
                        containsInAnyOrder(bob + "/DELIVERY/product-craft/null=6",
                                bob + "/DELIVERY/product-craft/spec-review=3",
                                cleo + "/DELIVERY/execution-delivery/null=1"));
        given().contentType(ContentType.JSON)
                .body(Map.of("windows", List.of(Map.of("personId", bob, "since", "2026-01-01", "tags", List.of("Spec Review")))))
                .post("/api/v1/evidence/counts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("windows[0].tags[0]"));
    }

    @Test
    void rejectsInvalidAggregateRequests() {
        given().contentType(ContentType.JSON).body(Map.of("personIds", List.of()))
                .post("/api/v1/evidence/strength").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("personIds"));
        List<UUID> tooMany = IntStream.range(0, 10_001).mapToObj(i -> UUID.randomUUID()).toList();
        given().contentType(ContentType.JSON).body(Map.of("personIds", tooMany))
                .post("/api/v1/evidence/strength").then().statusCode(400).body("violations[0].field", equalTo("personIds"));
        given().contentType(ContentType.JSON)
                .body(Map.of("windows", List.of(Map.of("personId", ada, "since", "2026-01-01"), Map.of("personId", ada, "since", "2025-01-01"))))
                .post("/api/v1/evidence/counts").then().statusCode(400)
                .body("violations[0].field", equalTo("windows[1].personId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("windows", List.of(Map.of("personId", ada))))
                .post("/api/v1/evidence/counts").then().statusCode(400)
                .body("violations[0].field", equalTo("windows[0].since"));
    }

    private List<String> countsOf(UUID person) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("windows", List.of(Map.of("personId", person, "since", "2026-01-01",
                        "tags", List.of("spec-review")))))
                .post("/api/v1/evidence/counts").then().statusCode(200).extract()
                .path("counts.collect { it.kind + '/' + it.competency + '/' + it.tag + '=' + it.count }");
    }

    /** As the administrative account with triggers off: a write the versions do not see (no write path can do this). */
    private void unseen(String statement) throws Exception {
        var server = dev.ascent.testsupport.TestPostgres.server();
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = java.sql.DriverManager.getConnection(url, server.adminUser(), server.adminPassword());
             var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            assertThat(st.executeUpdate(statement)).isEqualTo(1);
        }
    }

    /**
     * Counts are a read model: an answer is reused while the person's counted-evidence version stands
     * (a write the triggers did not see stays unseen, which shows the answer came from memory), and any
     * change to what a count reads is counted on the next read.
     */
    @Test
    void countsAreKeptUntilThePersonsCountedEvidenceChanges() throws Exception {
        UUID dan = UUID.randomUUID();
        String item = log(dan, dan, "DELIVERY", List.of("execution-delivery"), "2026-10-01");
        assertThat(countsOf(dan)).containsExactlyInAnyOrder("DELIVERY/execution-delivery/null=1");

        unseen("UPDATE evidence.evidence SET competencies = '{influence}' WHERE id = '" + item + "'");
        assertThat(countsOf(dan)).as("remembered").containsExactlyInAnyOrder("DELIVERY/execution-delivery/null=1");

        sql("UPDATE evidence.evidence SET title = 'Held the spec-review' WHERE id = ?", item);
        assertThat(countsOf(dan)).as("a new title moves the version, and everything is counted again")
                .containsExactlyInAnyOrder("DELIVERY/influence/null=1", "DELIVERY/influence/spec-review=1");

        String second = log(dan, dan, "LAUNCH_OUTCOME", List.of("influence"), "2026-10-02");
        assertThat(countsOf(dan)).containsExactlyInAnyOrder("DELIVERY/influence/null=1",
                "DELIVERY/influence/spec-review=1", "LAUNCH_OUTCOME/influence/null=1");
        given().contentType(ContentType.JSON).header("X-Ascent-Actor-Id", dan.toString()).body("{}")
                .post("/api/v1/evidence/{id}/reject", second).then().statusCode(200);
        assertThat(countsOf(dan)).as("a rejected item no longer counts")
                .containsExactlyInAnyOrder("DELIVERY/influence/null=1", "DELIVERY/influence/spec-review=1");
        sql("UPDATE evidence.evidence SET person_id = '" + bob + "' WHERE id = ?", item);
        assertThat(countsOf(dan)).as("an item moved to someone else").isEmpty();

    }

    @Test
    void aFixedNumberOfStatementsWhateverTheNumberOfPeople() throws Exception {
        List<UUID> many = new ArrayList<>(List.of(ada, cleo));
        IntStream.range(0, 5_000).forEach(i -> many.add(UUID.randomUUID()));
        try (Connection real = dataSource.getConnection()) {
            CountingConnection one = new CountingConnection(real);
            EvidenceAggregates.strength(one.connection(), List.of(ada), LocalDate.parse(AS_OF), true);
            CountingConnection lots = new CountingConnection(real);
            StrengthResponse answer = EvidenceAggregates.strength(lots.connection(), many, LocalDate.parse(AS_OF), true);
            assertThat(answer.people()).hasSize(many.size());
            assertThat(one.statements()).as("figures with their items").isEqualTo(1);
            assertThat(lots.statements()).isEqualTo(1);
            CountingConnection figures = new CountingConnection(real);
            EvidenceAggregates.strength(figures.connection(), many, LocalDate.parse(AS_OF), false);
            assertThat(figures.statements()).as("figures alone").isEqualTo(1);

            CountingConnection counts = new CountingConnection(real);
            EvidenceAggregates.counts(counts.connection(),
                    many.stream().map(p -> new CountsRequest.Window(p, LocalDate.parse("2020-01-01"),
                            List.of("spec-review", "launch-note"))).toList());
            assertThat(counts.statements()).isEqualTo(1);
        }
    }
}
