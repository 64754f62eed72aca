package dev.ascent.evidence.mapping;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping rules, without Quarkus or a database. */
class EvidenceMapperTest {

    private static final UUID DISCOVERY = UUID.randomUUID();
    private static final UUID EPIC = UUID.randomUUID();
    private static final UUID DECISION = UUID.randomUUID();
    private static final UUID RELEASE = UUID.randomUUID();
    private static final UUID DELIVERED = UUID.randomUUID();
    private static final UUID SALES = UUID.randomUUID();

    private static EvidenceMappingRule rule(UUID id, String name, int priority, String source, List<String> eventTypes,
                                            List<String> labels, List<String> issueTypes, List<String> components,
                                            List<String> keywords, String kind, List<String> competencies) {
        return new EvidenceMappingRule(id, name, priority, source, eventTypes, labels, issueTypes, components, keywords,
                kind, competencies);
    }

    private static final EvidenceMapper MAPPER = new EvidenceMapper(List.of(
            rule(DELIVERED, "Work delivered", 1000, null, List.of("pull_request.merged", "issue.done"), null, null, null,
                    null, "DELIVERY", List.of("execution-delivery")),
            rule(DISCOVERY, "Discovery labels", 10, null, null, List.of("customer-discovery", "user-research"), null,
                    null, null, "CUSTOMER_DISCOVERY_SESSION", List.of("customer-discovery")),
            rule(EPIC, "Epics done", 100, "JIRA", List.of("issue.done"), null, List.of("Epic"), null, null,
                    "DELIVERY", List.of("execution-delivery", "cross-team-relationships")),
            rule(DECISION, "Decision records", 80, null, null, null, null, null, List.of("decision record", "adr"),
                    "DECISION_CLARIFIED", List.of("clarity-amid-chaos")),
            rule(RELEASE, "Releases", 90, "GITHUB", List.of("release.published"), null, null, null, null,
                    "LAUNCH_OUTCOME", List.of("execution-delivery", "business-acumen")),
            rule(SALES, "Sales component", 60, null, null, null, null, List.of("Sales"), null,
                    "CUSTOMER_FACING_SESSION", List.of("customer-facing"))));

    private static ProjectEvent event(String source, String type, String title, List<String> labels, String issueType,
                                      List<String> components) {
        return new ProjectEvent(source, type, title, null, labels, issueType, components);
    }

    @Test
    void withinAFrameworkRulesNameOnlyItsCompetenciesAndRulesLeftWithNoneStandAside() {
        EvidenceMapper within = MAPPER.within(List.of("execution-delivery", "clarity-amid-chaos"));
        // the epic rule keeps the competency the framework has and drops the one it lacks
        assertThat(within.map(event("JIRA", "issue.done", "Checkout v2", null, "Epic", null)))
                .contains(new EvidenceMapper.Suggestion(EPIC, "DELIVERY", List.of("execution-delivery")));
        // the discovery rule names nothing the framework has: the next matching rule takes the event
        assertThat(within.map(event("GITHUB", "pull_request.merged", "Interview notes", List.of("User-Research"), null, null)))
                .contains(new EvidenceMapper.Suggestion(DELIVERED, "DELIVERY", List.of("execution-delivery")));
        assertThat(within.map(event("GITHUB", "issue.opened", "Notes", List.of("user-research"), null, null))).isEmpty();
        assertThat(MAPPER.within(List.of()).map(event("GITHUB", "pull_request.merged", "x", null, null, null))).isEmpty();
    }

    @Test
    void theLowestPriorityMatchingRuleWinsAndNamesItself() {
        Optional<EvidenceMapper.Suggestion> s = MAPPER.map(event("GITHUB", "pull_request.merged", "Interview notes",
                List.of("User-Research"), null, null));
        assertThat(s).contains(new EvidenceMapper.Suggestion(DISCOVERY, "CUSTOMER_DISCOVERY_SESSION",
                List.of("customer-discovery")));
    }

    @Test
    void everyCriterionOfARuleMustHold() {
        // an Epic done in Jira is the epic rule; the same in Linear (no issue type) falls to plain delivery
        assertThat(MAPPER.map(event("JIRA", "issue.done", "Checkout v2", null, "epic", null)).orElseThrow().ruleId())
                .isEqualTo(EPIC);
        assertThat(MAPPER.map(event("LINEAR", "issue.done", "Checkout v2", null, null, null)).orElseThrow().ruleId())
                .isEqualTo(DELIVERED);
        // the release rule is for GitHub only
        assertThat(MAPPER.map(event("GENERIC", "release.published", "v2", null, null, null))).isEmpty();
        assertThat(MAPPER.map(event("GITHUB", "release.published", "v2", null, null, null)).orElseThrow().kind())
                .isEqualTo("LAUNCH_OUTCOME");
    }

    @Test
    void componentsMatchIgnoringCase() {
        assertThat(MAPPER.map(event("JIRA", "issue.created", "Quarterly roadmap talk", null, "Task",
                List.of("Billing", "sales"))).orElseThrow().ruleId()).isEqualTo(SALES);
    }

    @Test
    void keywordsAreWholeWordsOrPhrasesInTitleOrBody() {
        assertThat(MAPPER.map(event("GENERIC", "doc.published", "Pricing Decision Record", null, null, null))
                .orElseThrow().ruleId()).isEqualTo(DECISION);
        assertThat(MAPPER.map(new ProjectEvent("GENERIC", "doc.published", "Pricing", "See ADR-12 for why", null,
                null, null)).orElseThrow().ruleId()).isEqualTo(DECISION);
        // "adr" inside another word is not the keyword
        assertThat(MAPPER.map(event("GENERIC", "doc.published", "New address form", null, null, null))).isEmpty();
    }

    @Test
    void anEventNoRuleMatchesIsNotEvidence() {
        assertThat(MAPPER.map(event("GITHUB", "issues.opened", "Typo", List.of("bug"), null, null))).isEmpty();
        assertThat(new EvidenceMapper(List.of()).map(event("GITHUB", "pull_request.merged", "x", null, null, null)))
                .isEmpty();
    }

    @Test
    void equalPrioritiesAreOrderedByNameNotByLoadOrder() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        EvidenceMappingRule alpha = rule(a, "alpha", 5, null, null, null, null, null, null, "OTHER", List.of("influence"));
        EvidenceMappingRule beta = rule(b, "beta", 5, null, null, null, null, null, null, "DELIVERY",
                List.of("execution-delivery"));
        ProjectEvent any = event("GITHUB", "x", "y", null, null, null);
        assertThat(new EvidenceMapper(List.of(beta, alpha)).map(any).orElseThrow().ruleId()).isEqualTo(a);
        assertThat(new EvidenceMapper(List.of(alpha, beta)).map(any).orElseThrow().ruleId()).isEqualTo(a);
    }

    @Test
    void keywordsMatchWholeTermsIgnoringCaseAndPunctuationIsPartOfTheTerm() {
        EvidenceMappingRule rfc = rule(DECISION, "Decision records", 1, null, List.of("doc.published"), null, null, null,
                List.of("request for comments", "rfc:"), "DECISION_CLARIFIED", List.of("clarity-amid-chaos"));
        EvidenceMapper mapper = new EvidenceMapper(List.of(rfc));
        assertThat(mapper.map(event("GENERIC", "doc.published", "RFC: usage-based pricing for teams", null, null, null)))
                .isPresent();
        assertThat(mapper.map(event("GENERIC", "doc.published", "A Request For Comments on seat pricing", null, null, null)))
                .isPresent();
        // a citation of a standard is not a request for comments
        assertThat(mapper.map(new ProjectEvent("GENERIC", "doc.published", "Timestamps in the export",
                "Dates follow RFC 3339, as the API does.", null, null, null))).isEmpty();
        assertThat(mapper.map(event("GENERIC", "doc.published", "rfc-editor notes", null, null, null))).isEmpty();
        // the event type is a criterion too: the same text in a comment is not this rule's
        assertThat(mapper.map(event("JIRA", "comment.created", "RFC: usage-based pricing", null, null, null))).isEmpty();
    }
}
