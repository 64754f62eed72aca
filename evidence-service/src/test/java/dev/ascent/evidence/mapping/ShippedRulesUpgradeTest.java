package dev.ascent.evidence.mapping;

import dev.ascent.evidence.vocabulary.EvidenceKind;
import dev.ascent.evidence.vocabulary.EvidenceSource;
import dev.ascent.evidence.vocabulary.EvidenceStatus;
import dev.ascent.localpostgres.PostgresServer;
import dev.ascent.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation that has the V2 default rules (one of them edited by an admin, one rule of the
 * admin's own, evidence naming a V2 rule) upgrades: the migration marks what came shipped, and the
 * shipped revision replaces exactly that, once, whatever number of instances start together. Real
 * PostgreSQL, no Quarkus: the same {@link ShippedMappingRules#apply} start-up runs.
 */
class ShippedRulesUpgradeTest {

    private static final String V2_KEYWORDS_RULE = "0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0003";
    private static final String V2_DELIVERY_RULE = "0b6c4c1e-4d1a-4c55-9a37-6a1f0d2e0011";
    private static final UUID ADMINS_RULE = UUID.randomUUID();
    private static final UUID EVIDENCE = UUID.randomUUID();

    private static String database;
    private static String url;
    private static PostgresServer server;

    @BeforeAll
    static void anInstallationWithTheV2Rules() throws SQLException {
        server = TestPostgres.server();
        database = TestPostgres.createFreshDatabase("ascent_rules");
        url = server.jdbcUrl(database);
        flyway("6").migrate();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            // an admin edited one shipped rule (its version moved) and wrote one of their own
            st.executeUpdate("UPDATE evidence.mapping_rule SET keywords = '{customer interview}', version = version + 1 "
                    + "WHERE id = '" + V2_KEYWORDS_RULE + "'");
            st.executeUpdate("INSERT INTO evidence.mapping_rule (id, name, priority, event_types, kind, competencies, "
                    + "created_at, updated_at) VALUES ('" + ADMINS_RULE + "', 'Our mentoring label', 5, '{issue.done}', "
                    + "'PEOPLE_DEVELOPMENT', '{people-leadership}', now(), now())");
            st.executeUpdate("INSERT INTO evidence.evidence (id, person_id, kind, competencies, title, occurred_at, source, "
                    + "status, rule_id, created_at, updated_at) VALUES ('" + EVIDENCE + "', gen_random_uuid(), 'DELIVERY', "
                    + "'{execution-delivery}', 'Checkout v2', '2026-01-05', 'GITHUB', 'SUGGESTED', '" + V2_DELIVERY_RULE
                    + "', now(), now())");
        }
        flyway(null).migrate();
    }

    @AfterAll
    static void drop() {
        if (database != null) {
            TestPostgres.dropDatabase(database);
        }
    }

    private static Flyway flyway(String target) {
        Map<String, String> placeholders = new HashMap<>(Map.of("service_role", "ascent_evidence",
                "service_password", "ascent_evidence"));
        placeholders.put("evidence_kinds", sqlList(EvidenceKind.values()));
        placeholders.put("evidence_sources", sqlList(EvidenceSource.values()));
        placeholders.put("evidence_statuses", sqlList(EvidenceStatus.values()));
        var config = Flyway.configure().dataSource(url, server.adminUser(), server.adminPassword()).schemas("evidence")
                .locations("classpath:db/migration", "classpath:db/kit").placeholders(placeholders);
        return (target == null ? config : config.target(target)).load();
    }

    private static String sqlList(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> "'" + v.name() + "'").collect(Collectors.joining(", "));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, server.adminUser(), server.adminPassword());
    }

    private static ShippedMappingRules.Applied apply(ShippedMappingRules.Shipped shipped) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            ShippedMappingRules.Applied applied = ShippedMappingRules.apply(c, shipped,
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            c.commit();
            return applied;
        }
    }

    /** id -> shipped revision (null for an admin's) of every stored rule. */
    private static Map<String, Integer> rules() throws SQLException {
        Map<String, Integer> rules = new HashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, shipped_revision FROM evidence.mapping_rule")) {
            while (rs.next()) {
                rules.put(rs.getString(1), (Integer) rs.getObject(2));
            }
        }
        return rules;
    }

    private static String one(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void theShippedRevisionReplacesTheV2RulesOnceAndKeepsWhatAdminsWroteOrEdited() throws Exception {
        // the migration marked the V2 rules as revision 1, except the one an admin edited
        Map<String, Integer> before = rules();
        assertThat(before).hasSize(12);
        assertThat(before.get(V2_DELIVERY_RULE)).isEqualTo(1);
        assertThat(before).containsEntry(V2_KEYWORDS_RULE, null).containsEntry(ADMINS_RULE.toString(), null);
        assertThat(one("SELECT revision FROM evidence.shipped_content WHERE name = 'mapping-rules'")).isEqualTo("1");

        ShippedMappingRules.Shipped shipped = ShippedMappingRules.read();
        ShippedMappingRules.Applied applied = apply(shipped);
        assertThat(applied.applied()).isTrue();
        assertThat(applied.previousRevision()).isEqualTo(1);
        assertThat(applied.removed()).isEqualTo(10);
        assertThat(applied.added()).isEqualTo(shipped.rules().size());

        Map<String, Integer> after = rules();
        assertThat(after).hasSize(shipped.rules().size() + 2)
                .containsEntry(V2_KEYWORDS_RULE, null).containsEntry(ADMINS_RULE.toString(), null)
                .doesNotContainKey(V2_DELIVERY_RULE);
        for (ShippedMappingRules.Rule r : shipped.rules()) {
            assertThat(after).containsEntry(r.id().toString(), shipped.revision());
        }
        assertThat(one("SELECT array_to_string(keywords, ',') FROM evidence.mapping_rule WHERE id = '" + V2_KEYWORDS_RULE
                + "'")).isEqualTo("customer interview");
        // the evidence a removed rule suggested stays, without the reference
        assertThat(one("SELECT coalesce(rule_id::text, 'none') FROM evidence.evidence WHERE id = '" + EVIDENCE + "'"))
                .isEqualTo("none");

        // the same revision again: nothing
        assertThat(apply(shipped).applied()).isFalse();
        assertThat(rules()).isEqualTo(after);

        // a later revision: a rule changed in place (same id, so evidence keeps naming it), one dropped, and a
        // shipped rule an admin has edited since (the service clears its revision) stays the admin's
        ShippedMappingRules.Rule changed = shipped.rules().get(0);
        ShippedMappingRules.Rule dropped = shipped.rules().get(1);
        ShippedMappingRules.Rule edited = shipped.rules().get(2);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE evidence.mapping_rule SET name = 'Ours now', shipped_revision = NULL, "
                    + "version = version + 1 WHERE id = '" + edited.id() + "'");
        }
        List<ShippedMappingRules.Rule> next = new ArrayList<>(shipped.rules());
        next.remove(dropped);
        next.set(0, new ShippedMappingRules.Rule(changed.id(), changed.name() + " (revised)", changed.priority(),
                changed.source(), changed.eventTypes(), changed.labels(), changed.issueTypes(), changed.components(),
                changed.keywords(), changed.kind(), changed.competencies()));
        ShippedMappingRules.Applied third = apply(new ShippedMappingRules.Shipped(shipped.revision() + 1, next));
        assertThat(third.applied()).isTrue();
        assertThat(third.removed()).isEqualTo(1);
        assertThat(third.added()).isZero();
        assertThat(third.updated()).isEqualTo(next.size() - 1);
        assertThat(rules()).doesNotContainKey(dropped.id().toString())
                .containsEntry(edited.id().toString(), null)
                .containsEntry(changed.id().toString(), shipped.revision() + 1);
        assertThat(one("SELECT name FROM evidence.mapping_rule WHERE id = '" + changed.id() + "'"))
                .isEqualTo(changed.name() + " (revised)");
        assertThat(one("SELECT name FROM evidence.mapping_rule WHERE id = '" + edited.id() + "'")).isEqualTo("Ours now");

        // several instances starting together with a newer revision: exactly one applies it
        ShippedMappingRules.Shipped fourth = new ShippedMappingRules.Shipped(shipped.revision() + 2, next);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ShippedMappingRules.Applied>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<ShippedMappingRules.Applied> task = () -> {
                    start.await();
                    return apply(fourth);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int appliedCount = 0;
            for (Future<ShippedMappingRules.Applied> f : results) {
                appliedCount += f.get().applied() ? 1 : 0;
            }
            assertThat(appliedCount).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(one("SELECT revision FROM evidence.shipped_content WHERE name = 'mapping-rules'"))
                .isEqualTo(Integer.toString(fourth.revision()));
        assertThat(one("SELECT count(*) FROM evidence.mapping_rule")).isEqualTo(Integer.toString(next.size() + 2));
    }
}
