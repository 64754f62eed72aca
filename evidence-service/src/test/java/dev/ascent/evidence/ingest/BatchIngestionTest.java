package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.evidence.CountingConnection;
import dev.ascent.evidence.ingest.TestSources.Source;
import dev.ascent.evidence.integration.SourceKind;
import dev.ascent.evidence.mapping.MappingRuleRepository;
import dev.ascent.evidence.directory.AssessmentServiceStub;
import dev.ascent.testsupport.ChangeNotifications;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The generic batch API: formats, whole-batch validation, Idempotency-Key, and the cost of N events. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(AssessmentServiceStub.class)
class BatchIngestionTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    MappingRuleRepository rules;

    static Map<String, Object> event(String email, String type, String title) {
        Map<String, Object> e = new HashMap<>();
        e.put("externalId", "evt-" + UUID.randomUUID());
        e.put("type", type);
        e.put("occurredAt", "2026-10-02T14:00:00Z");
        e.put("actorEmail", email);
        e.put("title", title);
        e.put("url", "https://tracker.example.com/items/" + UUID.randomUUID());
        e.put("labels", List.of("feature"));
        return e;
    }

    private String array(List<Map<String, Object>> events) throws Exception {
        return json.writeValueAsString(events);
    }

    private static ValidatableResponse post(Source s, String contentType, String key, String body) {
        var request = given().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/ingest/{id}/events", s.id()).then();
    }

    private long rows(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long eventsOf(Source s) throws SQLException {
        return rows("SELECT count(*) FROM evidence.ingested_event WHERE source_id = ?", UUID.fromString(s.id()));
    }

    private long evidenceOf(Source s) throws SQLException {
        return rows("SELECT count(*) FROM evidence.evidence WHERE source_id = ?", UUID.fromString(s.id()));
    }

    @Test
    void aJsonArrayIsMappedLinkedQueuedOrIgnoredEventByEvent() throws Exception {
        Source s = TestSources.register("GENERIC");
        UUID ada = UUID.randomUUID();
        TestSources.link(s, "Ada@Example.com", ada);
        String body = array(List.of(
                event("ada@example.com", "delivery", "Shipped the billing export"),
                event("stranger@example.com", "delivery", "Shipped the CSV import"),
                event("ada@example.com", "comment.added", "Left a comment")));
        post(s, "application/json", null, body).statusCode(202)
                .body("received", equalTo(3)).body("evidence", equalTo(1))
                .body("unmatched", equalTo(1)).body("ignored", equalTo(1)).body("duplicates", equalTo(0));
        given().queryParam("personId", ada).get("/api/v1/evidence").then().statusCode(200)
                .body("items.title", containsInAnyOrder("Shipped the billing export"))
                .body("items[0].source", equalTo("GENERIC"))
                .body("items[0].status", equalTo("SUGGESTED"))
                .body("items[0].kind", equalTo("DELIVERY"))
                .body("items[0].occurredAt", equalTo("2026-10-02"));
        assertThat(rows("SELECT count(*) FROM evidence.unmatched_event WHERE source_id = ?", UUID.fromString(s.id())))
                .isEqualTo(1);
    }

    @Test
    void textPostgresCannotStoreIsA400NamingTheEventAndFieldAndTheBatchWritesNothing() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "nul@example.com", UUID.randomUUID());
        Map<String, Object> bad = event("nul@example.com", "delivery", "Shipped \u0000 the export");
        String body = array(List.of(event("nul@example.com", "delivery", "Fine"), bad));
        post(s, "application/json", null, body).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("events[1].title"));
        bad.put("title", "Fine too");
        bad.put("labels", List.of("ok", "bad\u0000label"));
        post(s, "application/x-ndjson", null, json.writeValueAsString(event("nul@example.com", "delivery", "One"))
                + "\n" + json.writeValueAsString(bad)).statusCode(400)
                .body("violations[0].field", equalTo("events[1].labels[1]"));
        assertThat(eventsOf(s)).isZero();
        assertThat(evidenceOf(s)).isZero();
    }

    @Test
    void datesNoColumnCanHoldAreA400NamingTheField() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "dates@example.com", UUID.randomUUID());
        for (String date : List.of("+9999999-01-01", "-0044-03-15", "+10000-01-01T00:00:00Z", "0000-12-31")) {
            Map<String, Object> e = event("dates@example.com", "delivery", "Dated " + date);
            e.put("occurredAt", date);
            post(s, "application/json", null, array(List.of(e))).statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("events[0].occurredAt"));
        }
        assertThat(eventsOf(s)).isZero();
    }

    @Test
    void ndjsonIsAcceptedLineByLine() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "bo@example.com", UUID.randomUUID());
        String body = json.writeValueAsString(event("bo@example.com", "delivery", "One")) + "\n\n"
                + json.writeValueAsString(event("bo@example.com", "delivery", "Two")) + "\n";
        post(s, "application/x-ndjson", null, body).statusCode(202).body("received", equalTo(2)).body("evidence", equalTo(2));
        assertThat(evidenceOf(s)).isEqualTo(2);

        post(s, "application/x-ndjson", null, body.replace("\"Two\"", "\"Two\",")).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:malformed-json"))
                .body("detail", containsString("Line 3"));
        post(s, "application/json", null, "[{\"type\": ").statusCode(400)
                .body("type", equalTo("urn:ascent:problem:malformed-json"));
        post(s, "application/json", null, "{\"type\": \"delivery\"}").statusCode(400)
                .body("type", equalTo("urn:ascent:problem:malformed-json"));
        // batches are for generic sources; tools with webhooks name their users differently
        post(TestSources.register("GITHUB"), "application/json", null, body.lines().findFirst().map(l -> "[" + l + "]")
                .orElseThrow()).statusCode(404).contentType("application/problem+json");
        post(new Source(UUID.randomUUID().toString(), "x"), "application/json", null, "[]").statusCode(404);
        assertThat(evidenceOf(s)).isEqualTo(2);
    }

    @Test
    void oneInvalidEventRejectsTheWholeBatchNamingIndexAndField() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "cy@example.com", UUID.randomUUID());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(event("cy@example.com", "delivery", "Item " + i));
        }
        events.get(3).remove("occurredAt");
        events.get(5).put("url", "javascript:alert(1)");
        events.get(5).put("actorEmail", "not-an-email");
        String key = UUID.randomUUID().toString();
        post(s, "application/json", key, array(events)).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:validation-failed"))
                .body("violations.field", containsInAnyOrder("events[3].occurredAt", "events[5].actorEmail", "events[5].url"));
        assertThat(eventsOf(s)).isZero();
        assertThat(evidenceOf(s)).isZero();

        // nothing was remembered under the key: the corrected batch goes through with it
        events.get(3).put("occurredAt", "2026-10-01");
        events.get(5).put("url", "https://ok.example.com");
        events.get(5).put("actorEmail", "cy@example.com");
        post(s, "application/json", key, array(events)).statusCode(202).body("evidence", equalTo(6));
    }

    @Test
    void aBatchOfMoreThanAThousandEventsOrAnOversizeBodyIsA413() throws Exception {
        Source s = TestSources.register("GENERIC");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(event("x@example.com", "delivery", "Item " + i));
        }
        post(s, "application/json", null, array(events)).statusCode(413)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("events"));
        String huge = "[" + " ".repeat(4 * 1024 * 1024) + "]";
        post(s, "application/json", null, huge).statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:payload-too-large"));
        assertThat(eventsOf(s)).isZero();
    }

    @Test
    void theSameKeyAndBodyReplaysTheAnswerWithOneEffect() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "di@example.com", UUID.randomUUID());
        String body = array(List.of(event("di@example.com", "delivery", "A"), event("di@example.com", "delivery", "B")));
        String key = UUID.randomUUID().toString();
        String first = post(s, "application/json", key, body).statusCode(202).extract().asString();
        ExtractableResponse<Response> again = post(s, "application/json", key, body).statusCode(202).extract();
        assertThat(again.asString()).isEqualTo(first);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(evidenceOf(s)).isEqualTo(2);
        assertThat(eventsOf(s)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "ed@example.com", UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        post(s, "application/json", key, array(List.of(event("ed@example.com", "delivery", "A")))).statusCode(202);
        post(s, "application/json", key, array(List.of(event("ed@example.com", "delivery", "B")))).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:idempotency-key-reused"))
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertThat(evidenceOf(s)).isEqualTo(1);
        // keys belong to their source: another source may use the same key
        Source other = TestSources.register("GENERIC");
        post(other, "application/json", key, array(List.of(event("ed@example.com", "delivery", "B")))).statusCode(202);
    }

    @Test
    void aDuplicateWhileTheFirstIsInFlightIs409() throws Exception {
        Source s = TestSources.register("GENERIC");
        String body = array(List.of(event("fa@example.com", "delivery", "A")));
        String key = UUID.randomUUID().toString();
        // the first request has claimed the key and not finished yet
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO evidence.idempotency_record (source_id, idempotency_key, request_hash, state, created_at) "
                        + "VALUES (?, ?, ?, 'IN_FLIGHT', ?)")) {
            st.setObject(1, UUID.fromString(s.id()));
            st.setString(2, key);
            st.setString(3, IngestionService.hash(false, body.getBytes(StandardCharsets.UTF_8)));
            st.setTimestamp(4, Timestamp.from(Instant.now()));
            st.executeUpdate();
        }
        post(s, "application/json", key, body).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:idempotency-key-in-flight"));
        assertThat(eventsOf(s)).isZero();
    }

    @Test
    void concurrentDuplicatesHaveOneEffect() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "gi@example.com", UUID.randomUUID());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(event("gi@example.com", "delivery", "Item " + i));
        }
        String body = array(events);
        String key = UUID.randomUUID().toString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return post(s, "application/json", key, body).extract().statusCode();
            }, pool));
        }
        start.countDown();
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        // each duplicate is either refused as in flight or, if the first had finished, replayed
        assertThat(statuses).allMatch(code -> code == 202 || code == 409).contains(202);
        assertThat(eventsOf(s)).isEqualTo(1000);
        assertThat(evidenceOf(s)).isEqualTo(1000);
        // once finished, a retry replays
        assertThat(post(s, "application/json", key, body).statusCode(202).extract().header("Idempotent-Replayed"))
                .isEqualTo("true");
    }

    @Test
    void aThousandEventsCostTheSameFewStatementsAsTen() throws Exception {
        Source s = TestSources.register("GENERIC");
        UUID sourceId = UUID.fromString(s.id());
        for (int i = 0; i < 50; i++) {
            TestSources.link(s, "p" + i + "@example.com", UUID.randomUUID());
        }
        int ten = statementsFor(sourceId, 10);
        int thousand = statementsFor(sourceId, 1000);
        for (int round = 0; round < 3; round++) { // warm, then measure (figures printed, not asserted)
            statementsFor(sourceId, 1000);
        }
        System.out.printf("statements: 10 events -> %d, 1000 events -> %d%n", ten, thousand);
        assertThat(thousand).isEqualTo(ten).isLessThanOrEqualTo(5);
        // people p0..p49 are linked; every tenth event is a comment no rule maps
        assertThat(evidenceOf(s)).isEqualTo(expected(10, true) + 4 * expected(1000, true));
        assertThat(rows("SELECT count(*) FROM evidence.unmatched_event WHERE source_id = ?", sourceId))
                .isEqualTo(expected(10, false) + 4 * expected(1000, false));
        assertThat(eventsOf(s)).isEqualTo(1010 + 3000);
    }

    @Test
    void aBatchTellsWhoseEvidenceItChangedOnceAndARejectedBatchSaysNothing() throws Exception {
        Source s = TestSources.register("GENERIC");
        UUID ada = UUID.randomUUID();
        UUID bo = UUID.randomUUID();
        TestSources.link(s, "ada@example.com", ada);
        TestSources.link(s, "bo@example.com", bo);
        try (ChangeNotifications changes = ChangeNotifications.listen(dataSource)) {
            post(s, "application/json", null, array(List.of(
                    event("ada@example.com", "delivery", "Shipped the billing export"),
                    event("bo@example.com", "delivery", "Shipped the CSV import"),
                    event("ada@example.com", "delivery", "Shipped the audit log"),
                    event("stranger@example.com", "delivery", "Shipped the search")))).statusCode(202);
            var heard = changes.heard();
            assertThat(heard.people()).containsExactlyInAnyOrder(ada, bo);
            assertThat(heard.everyone()).isFalse();

            Map<String, Object> invalid = event("ada@example.com", "delivery", "Shipped twice");
            invalid.put("occurredAt", "not a date");
            post(s, "application/json", null, array(List.of(event("ada@example.com", "delivery", "Fine"), invalid)))
                    .statusCode(400);
            assertThat(changes.heard().people()).isEmpty();

            // More people than one notification names are everyone.
            List<Map<String, Object>> many = new java.util.ArrayList<>();
            for (int i = 0; i < 210; i++) {
                TestSources.link(s, "many" + i + "@example.com", UUID.randomUUID());
                many.add(event("many" + i + "@example.com", "delivery", "Shipped part " + i));
            }
            changes.heard();
            post(s, "application/json", null, array(many)).statusCode(202);
            assertThat(changes.heard().everyone()).isTrue();
        }
    }

    // ---- externalId: each (source, externalId) is applied once ----------------------------------

    @Test
    void anExternalIdAppliedBeforeIsAcknowledgedAsADuplicateWithoutASecondEffect() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "ha@example.com", UUID.randomUUID());
        Map<String, Object> first = event("ha@example.com", "delivery", "Shipped the export");
        first.put("externalId", "TCK-1");
        post(s, "application/json", null, array(List.of(first, event("ha@example.com", "delivery", "Other"))))
                .statusCode(202).body("evidence", equalTo(2)).body("duplicates", equalTo(0));

        // resent in a later batch (even edited), without an Idempotency-Key: acknowledged, no effect
        Map<String, Object> again = event("ha@example.com", "delivery", "Shipped the export, edited");
        again.put("externalId", "TCK-1");
        post(s, "application/x-ndjson", null, json.writeValueAsString(again) + "\n"
                + json.writeValueAsString(event("ha@example.com", "delivery", "New"))).statusCode(202)
                .body("received", equalTo(2)).body("evidence", equalTo(1)).body("unmatched", equalTo(0))
                .body("ignored", equalTo(0)).body("duplicates", equalTo(1));
        assertThat(eventsOf(s)).isEqualTo(3);
        assertThat(evidenceOf(s)).isEqualTo(3);
        assertThat(rows("SELECT count(*) FROM evidence.evidence WHERE source_id = ? AND title LIKE '%edited'",
                UUID.fromString(s.id()))).isZero();
        // an event whose user is not linked yet is applied once too: it is queued once
        Map<String, Object> stranger = event("nobody@example.com", "delivery", "Queued");
        post(s, "application/json", null, array(List.of(stranger))).statusCode(202).body("unmatched", equalTo(1));
        post(s, "application/json", null, array(List.of(stranger))).statusCode(202).body("unmatched", equalTo(0))
                .body("duplicates", equalTo(1));
        assertThat(rows("SELECT count(*) FROM evidence.unmatched_event WHERE source_id = ?", UUID.fromString(s.id())))
                .isEqualTo(1);

        // ids belong to their source: another source may use the same one
        Source other = TestSources.register("GENERIC");
        TestSources.link(other, "ha@example.com", UUID.randomUUID());
        post(other, "application/json", null, array(List.of(first))).statusCode(202)
                .body("evidence", equalTo(1)).body("duplicates", equalTo(0));
    }

    @Test
    void anExternalIdRepeatedInsideABatchIsA400NamingBothIndexesAndTheBatchWritesNothing() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "ia@example.com", UUID.randomUUID());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            events.add(event("ia@example.com", "delivery", "Item " + i));
        }
        events.get(7).put("externalId", events.get(2).get("externalId"));
        post(s, "application/json", null, array(events)).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:validation-failed"))
                .body("violations.field", contains("events[7].externalId"))
                .body("violations[0].message", equalTo("repeats events[2].externalId"));
        assertThat(eventsOf(s)).isZero();
        assertThat(evidenceOf(s)).isZero();
    }

    @Test
    void theExternalIdIsARequiredStringOfAtMost200Characters() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "ja@example.com", UUID.randomUUID());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event("ja@example.com", "delivery", "Item " + i));
        }
        events.get(0).remove("externalId");
        events.get(1).put("externalId", "  ");
        events.get(2).put("externalId", 42);
        events.get(3).put("externalId", "x".repeat(201));
        events.get(4).put("externalId", "x".repeat(200));
        post(s, "application/json", null, array(events)).statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("events[0].externalId", "events[1].externalId",
                        "events[2].externalId", "events[3].externalId"))
                .body("violations.message", contains("is required", "is required", "must be a string",
                        "must be at most 200 characters"));
        assertThat(eventsOf(s)).isZero();
        post(s, "application/json", null, array(events.subList(4, 5))).statusCode(202).body("evidence", equalTo(1));
    }

    @Test
    void unknownFieldsAreA400NamingThemAndTheBatchWritesNothing() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "ka@example.com", UUID.randomUUID());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event("ka@example.com", "delivery", "Item " + i));
        }
        events.get(3).put("colour", "blue");
        events.get(4).put("lables", List.of("typo"));
        events.get(4).put("u".repeat(5000), "long");
        String key = UUID.randomUUID().toString();
        post(s, "application/json", key, array(events)).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:validation-failed"))
                .body("violations.field", containsInAnyOrder("events[3].colour", "events[4].lables",
                        "events[4]." + "u".repeat(99) + "…"))
                .body("violations.message", contains("unknown property", "unknown property", "unknown property"));
        post(s, "application/x-ndjson", key, json.writeValueAsString(events.get(3))).statusCode(400)
                .body("violations[0].field", equalTo("events[0].colour"));
        assertThat(eventsOf(s)).isZero();
        assertThat(evidenceOf(s)).isZero();
    }

    /** Waits until {@code n} of the service's connections wait on a lock (PostgreSQL says so). */
    private void awaitBatchesWaitingOnALock(int n) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (rows("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%ingested_event%'") >= n) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(n + " batch(es) should be waiting on another transaction's externalId");
    }

    /** Another batch, in flight: it has recorded {@code externalId} and not committed yet. */
    private Connection holding(Source s, Object externalId) throws SQLException {
        Connection other = dataSource.getConnection();
        other.setAutoCommit(false);
        try (PreparedStatement st = other.prepareStatement("INSERT INTO evidence.ingested_event (id, source_id, "
                + "external_event_id, event_type, outcome, reason, received_at) "
                + "VALUES (?, ?, ?, 'delivery', 'IGNORED', 'the racing batch', now())")) {
            st.setObject(1, UUID.randomUUID());
            st.setObject(2, UUID.fromString(s.id()));
            st.setString(3, (String) externalId);
            st.executeUpdate();
        }
        return other;
    }

    private static CompletableFuture<ExtractableResponse<Response>> postAsync(Source s, String body) {
        // a thread of its own: the common pool may have a single thread on a small machine
        return CompletableFuture.supplyAsync(() -> post(s, "application/json", null, body).extract(),
                task -> Thread.ofPlatform().start(task));
    }

    @Test
    void aBatchRacingAnotherForTheSameExternalIdWaitsAndThenAppliesItOnlyIfTheOtherRolledBack() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "la@example.com", UUID.randomUUID());
        UUID sourceId = UUID.fromString(s.id());
        for (boolean otherCommits : List.of(true, false)) {
            Map<String, Object> contested = event("la@example.com", "delivery", "Contested " + otherCommits);
            Map<String, Object> free = event("la@example.com", "delivery", "Free " + otherCommits);
            try (Connection other = holding(s, contested.get("externalId"))) {
                CompletableFuture<ExtractableResponse<Response>> racing = postAsync(s, array(List.of(contested, free)));
                awaitBatchesWaitingOnALock(1);
                assertThat(racing).isNotDone();
                if (otherCommits) {
                    other.commit();
                } else {
                    other.rollback();
                }
                ExtractableResponse<Response> answer = racing.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(202);
                assertThat(answer.<Integer>path("evidence")).isEqualTo(otherCommits ? 1 : 2);
                assertThat(answer.<Integer>path("duplicates")).isEqualTo(otherCommits ? 1 : 0);
            }
            // evidence only for the event this batch inserted
            assertThat(rows("SELECT count(*) FROM evidence.evidence WHERE source_id = ? AND title = ?", sourceId,
                    contested.get("title"))).isEqualTo(otherCommits ? 0 : 1);
            assertThat(rows("SELECT count(*) FROM evidence.ingested_event WHERE source_id = ? AND external_event_id = ?",
                    sourceId, contested.get("externalId"))).isEqualTo(1);
        }
    }

    @Test
    void concurrentBatchesSharingExternalIdsInOppositeOrdersApplyEachOnceWithoutDeadlocking() throws Exception {
        Source s = TestSources.register("GENERIC");
        TestSources.link(s, "ma@example.com", UUID.randomUUID());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> e = event("ma@example.com", "delivery", "Item " + i);
            e.put("externalId", String.format("ma-%03d", i));
            events.add(e);
        }
        List<Map<String, Object>> reversed = new ArrayList<>(events);
        java.util.Collections.reverse(reversed);
        // A third batch holds ma-050. The first batch takes ma-000..049 and waits on it; the second,
        // sending the ids in the opposite order, would take ma-099..051 row by row as sent and wait
        // too. When the holder finishes, each would wait on the rows the other took: a deadlock
        // (one batch a 500). Taken in one order, the second waits on the first at the start instead.
        ExtractableResponse<Response> first;
        ExtractableResponse<Response> second;
        try (Connection other = holding(s, "ma-050")) {
            CompletableFuture<ExtractableResponse<Response>> ascending = postAsync(s, array(events));
            awaitBatchesWaitingOnALock(1);
            CompletableFuture<ExtractableResponse<Response>> descending = postAsync(s, array(reversed));
            awaitBatchesWaitingOnALock(2);
            other.commit();
            first = ascending.get(30, java.util.concurrent.TimeUnit.SECONDS);
            second = descending.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(202);
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(202);
        assertThat(first.<Integer>path("evidence") + second.<Integer>path("evidence")).isEqualTo(99);
        assertThat(first.<Integer>path("duplicates") + second.<Integer>path("duplicates")).isEqualTo(1 + 100);
        assertThat(eventsOf(s)).isEqualTo(100);
        assertThat(evidenceOf(s)).isEqualTo(99);
    }

    private static long expected(int n, boolean linked) {
        return java.util.stream.IntStream.range(0, n).filter(i -> i % 10 != 9)
                .filter(i -> (i * 11 % 100 < 50) == linked).count();
    }

    private int statementsFor(UUID sourceId, int n) throws Exception {
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new IncomingEvent(null, "stmt-" + UUID.randomUUID(), i % 10 == 9 ? "comment.added" : "delivery", null,
                    "p" + (i * 11 % 100) + "@example.com", null, "Item " + i, null, "https://x.example.com/" + i, List.of(),
                    null, List.of(), LocalDate.parse("2026-10-01")));
        }
        var mapper = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(rules::mapper);
        try (Connection real = dataSource.getConnection()) {
            real.setAutoCommit(false);
            CountingConnection counting = new CountingConnection(real);
            long started = System.nanoTime();
            List<IngestedEvent> result = EventStore.ingest(counting.connection(), sourceId, SourceKind.GENERIC, events,
                    mapper, Instant.now());
            real.commit();
            System.out.printf("%d events ingested in %.1f ms%n", n, (System.nanoTime() - started) / 1e6);
            Map<Outcome, Long> outcomes = result.stream().collect(Collectors.groupingBy(IngestedEvent::outcome, Collectors.counting()));
            assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(n);
            return counting.statements();
        }
    }
}
