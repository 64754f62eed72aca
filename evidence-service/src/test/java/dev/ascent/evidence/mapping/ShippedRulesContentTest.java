package dev.ascent.evidence.mapping;

import dev.ascent.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mapping rules that ship with Ascent, read from their file and tried on the events a PM and an
 * engineer produce, without Quarkus or a database.
 */
class ShippedRulesContentTest {

    private static final ShippedMappingRules.Shipped SHIPPED = ShippedMappingRules.read();

    /** The default framework's competency codes, as assessment-service answers them. */
    private static final List<String> FRAMEWORK = codes();

    private static final EvidenceMapper MAPPER = new EvidenceMapper(
            SHIPPED.rules().stream().map(ShippedMappingRules.Rule::toRule).toList()).within(FRAMEWORK);

    private static List<String> codes() {
        List<String> codes = new ArrayList<>();
        Contracts.load("framework-vocabulary").body().path("competencies").forEach(c -> codes.add(c.path("code").asText()));
        return codes;
    }

    private static ProjectEvent event(String source, String type, String title, String body, List<String> labels,
                                      String issueType) {
        return new ProjectEvent(source, type, title, body, labels, issueType, List.of());
    }

    private static EvidenceMapper.Suggestion mapped(ProjectEvent e) {
        return MAPPER.map(e).orElseThrow(() -> new AssertionError("no rule matched " + e));
    }

    @Test
    void everyRuleNamesItsEventTypesAndOnlyTheFrameworksCompetencies() {
        assertThat(SHIPPED.revision()).isGreaterThanOrEqualTo(2);
        for (ShippedMappingRules.Rule r : SHIPPED.rules()) {
            assertThat(r.eventTypes()).as(r.name()).isNotEmpty();
            assertThat(FRAMEWORK).as(r.name()).containsAll(r.competencies());
        }
    }

    @Test
    void noRuleCreditsAnItemBothWhenItIsWrittenAndWhenItIsDone() {
        Set<String> written = Set.of("issue.created", "issues.opened");
        Set<String> done = Set.of("issue.done", "issue.completed", "issues.closed");
        for (ShippedMappingRules.Rule r : SHIPPED.rules()) {
            boolean onWritten = r.eventTypes().stream().anyMatch(written::contains);
            boolean onDone = r.eventTypes().stream().anyMatch(done::contains);
            assertThat(onWritten && onDone).as(r.name() + " listens to both ends of an item's life").isFalse();
        }
        // a Jira research ticket: writing it is nobody's discovery, finishing it is
        ProjectEvent created = event("JIRA", "issue.created", "Interview five churned buyers", null,
                List.of("customer-discovery"), "Task");
        ProjectEvent finished = event("JIRA", "issue.done", "Interview five churned buyers", null,
                List.of("customer-discovery"), "Task");
        assertThat(MAPPER.map(created)).isEmpty();
        assertThat(mapped(finished).competencies()).containsExactly("customer-discovery");
    }

    @Test
    void whatAProductManagerWritesCountsAsTheirCraftStrategyAndDecisions() {
        assertThat(mapped(event("JIRA", "issue.created", "SHOP-57 Reorder from history", null, List.of(), "Story"))
                .competencies()).containsExactly("product-craft");
        assertThat(mapped(event("LINEAR", "issue.created", "ENG-231 Bulk edit", null, List.of("Feature"), null))
                .competencies()).containsExactly("product-craft");
        assertThat(mapped(event("GITHUB", "issues.opened", "Saved carts", null, List.of("enhancement"), null))
                .competencies()).containsExactly("product-craft");
        assertThat(mapped(event("JIRA", "comment.created", "SHOP-57", "Decision: history first, saved carts in Q1.",
                List.of(), "Story")).kind()).isEqualTo("DECISION_CLARIFIED");
        assertThat(mapped(event("GENERIC", "doc.published", "Spec: reorder from history", null, List.of(), null))
                .competencies()).containsExactly("product-craft", "strategic-communication");
        assertThat(mapped(event("GENERIC", "doc.published", "Product strategy for 2027: own the repeat buyer", null,
                List.of(), null)).competencies()).containsExactly("strategic-communication", "product-strategy");
        assertThat(mapped(event("GENERIC", "doc.published", "Business case: a marketplace for spare parts", null,
                List.of(), null)).competencies()).contains("business-vision");
        assertThat(mapped(event("GENERIC", "doc.published", "Readout of the checkout A/B test", null, List.of(), null))
                .competencies()).containsExactly("data-experimentation");
        assertThat(mapped(event("GENERIC", "doc.signed_off", "Pricing proposal signed off by sales and finance", null,
                List.of(), null)).competencies()).contains("influence");
        assertThat(mapped(event("GENERIC", "calendar.coaching_session_held", "Coaching with an APM", null, List.of(),
                null)).competencies()).containsExactly("people-leadership");
        assertThat(mapped(event("GENERIC", "calendar.support_shift_held", "A day on the support queue", null, List.of(),
                null)).competencies()).contains("cross-functional-breadth");
    }

    @Test
    void customerCallsAreDiscoveryOnlyWhenTheyAreResearch() {
        assertThat(mapped(event("GENERIC", "calendar.customer_call_held", "Problem interview with Acme's buyers", null,
                List.of(), null)).competencies()).containsExactly("customer-discovery");
        // "discovery call" is a sales term: a customer-facing call, not research
        assertThat(mapped(event("GENERIC", "calendar.customer_call_held", "Discovery call with Globex", null, List.of(),
                null)).competencies()).containsExactly("customer-facing");
        assertThat(mapped(event("JIRA", "issue.done", "Prepare the discovery call deck for Globex", null, List.of(), "Task"))
                .competencies()).containsExactly("execution-delivery");
        assertThat(mapped(event("GENERIC", "crm.deal_reviewed", "Globex renewal reviewed with the account team", null,
                List.of(), null)).competencies()).containsExactly("business-acumen", "customer-facing");
    }

    @Test
    void anEngineersWorkEarnsDeliveryNotProductCompetencies() {
        Set<String> product = Set.of("customer-discovery", "product-strategy", "product-craft", "customer-facing",
                "business-vision", "business-acumen");
        List<ProjectEvent> month = List.of(
                event("GITHUB", "pull_request.merged", "Fix rounding in invoice totals", null, List.of("bug", "customer"), null),
                event("GITHUB", "issues.closed", "Customer-reported: export drops the last row", null, List.of("customer"), null),
                event("JIRA", "issue.done", "SHOP-60 Retry failed webhooks", null, List.of("customer"), "Bug"),
                event("LINEAR", "issue.completed", "ENG-240 Timestamps follow RFC 3339", null, List.of(), null),
                event("GITHUB", "release.published", "v4.3.0", null, List.of(), null),
                event("JIRA", "comment.created", "SHOP-60", "Pushed the fix, please review.", List.of(), "Bug"));
        for (ProjectEvent e : month) {
            MAPPER.map(e).ifPresent(s -> assertThat(s.competencies()).as(e.title()).doesNotContainAnyElementsOf(product));
        }
        assertThat(mapped(month.get(3)).kind()).isEqualTo("DELIVERY");
    }

    @Test
    void aShippedFileWithoutARevisionOrWithAnIncompleteRuleIsRefused() {
        assertThatThrownBy(() -> ShippedMappingRules.read(yaml("rules: []")))
                .hasMessageContaining("revision");
        assertThatThrownBy(() -> ShippedMappingRules.read(yaml("""
                revision: 3
                rules:
                  - id: 7a3e9c10-5b2d-4f00-8a00-000000000001
                    name: No event types
                    priority: 1
                    kind: DELIVERY
                    competencies: [execution-delivery]
                """))).hasMessageContaining("event types");
        assertThatThrownBy(() -> ShippedMappingRules.read(yaml("""
                revision: 3
                rules:
                  - id: 7a3e9c10-5b2d-4f00-8a00-000000000001
                    name: Unknown kind
                    priority: 1
                    eventTypes: [delivery]
                    kind: SHIPPED_IT
                    competencies: [execution-delivery]
                """))).isInstanceOf(Exception.class);
    }

    private static ByteArrayInputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
