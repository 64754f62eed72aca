package dev.ascent.growthplan.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playbook shipped with the service: valid, complete, and covering the career principles. Its codes
 * are checked against what their owners serve, as recorded in contracts/ (the default framework's
 * competencies and tiers from assessment-service, the evidence kinds from evidence-service): when an
 * owner drops or renames a code this playbook names, this consumer-side contract test fails.
 */
class DefaultPlaybookTest {

    static final PlaybookDocument DEFAULT = new PlaybookFormats(new ObjectMapper().findAndRegisterModules())
            .readResource("playbook/default-playbook.yaml");
    static final PlaybookVocabulary OWNERS = ownersVocabulary();
    static final List<String> COMPETENCIES = OWNERS.competencies();

    /** The vocabulary the providers' recorded answers give. */
    static PlaybookVocabulary ownersVocabulary() {
        JsonNode framework = Contracts.load("framework-vocabulary").body();
        JsonNode kinds = Contracts.load("evidence-kinds").body();
        List<String> competencies = new ArrayList<>();
        framework.path("competencies").forEach(c -> competencies.add(c.path("code").asText()));
        List<String> tiers = new ArrayList<>();
        framework.path("tiers").forEach(t -> tiers.add(t.path("code").asText()));
        List<String> kindCodes = new ArrayList<>();
        kinds.forEach(k -> kindCodes.add(k.path("code").asText()));
        assertThat(competencies).as("recorded competencies").isNotEmpty();
        assertThat(tiers).as("recorded tiers").isNotEmpty();
        assertThat(kindCodes).as("recorded evidence kinds").isNotEmpty();
        return new PlaybookVocabulary(competencies, tiers, kindCodes);
    }

    static boolean any(Predicate<PlaybookAction> p) {
        return DEFAULT.actions().stream().anyMatch(p);
    }

    static boolean expects(PlaybookAction a, String kind) {
        return a.evidence().stream().anyMatch(e -> e.kind().equals(kind));
    }

    static boolean mentions(PlaybookAction a, String word) {
        return (a.title() + " " + a.why() + " " + a.how()).toLowerCase().contains(word);
    }

    @Test
    void namesOnlyCodesTheirOwnersServe() {
        assertThat(PlaybookValidator.validate(DEFAULT, OWNERS)).isEmpty();
    }

    @Test
    void hasAtLeastThreeActionsForEveryCompetency() {
        Map<String, Long> perCompetency = DEFAULT.actions().stream()
                .collect(Collectors.groupingBy(PlaybookAction::competency, Collectors.counting()));

        assertThat(perCompetency.keySet()).containsExactlyInAnyOrderElementsOf(COMPETENCIES);
        assertThat(perCompetency.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
    }

    @Test
    void everyTierHasActionsForMostCompetencies() {
        for (String tier : OWNERS.tiers()) {
            long served = COMPETENCIES.stream()
                    .filter(c -> any(a -> a.competency().equals(c) && a.suits(tier))).count();
            assertThat(served).as("competencies served for " + tier).isGreaterThanOrEqualTo(tier.equals("CPO") ? 7 : 12);
        }
        assertThat(COMPETENCIES).allSatisfy(c -> assertThat(any(a -> a.competency().equals(c) && a.suits("IC")))
                .as("IC action for " + c).isTrue());
    }

    @Test
    void coversTheCareerPrinciples() {
        // stretching into customer discovery and business context early (IC tier)
        assertThat(any(a -> a.suits("IC") && expects(a, "CUSTOMER_DISCOVERY_SESSION"))).isTrue();
        assertThat(any(a -> a.suits("IC") && a.competency().equals("business-acumen"))).isTrue();
        // owning unowned, systemic problems
        assertThat(any(a -> a.competency().equals("agency-ownership") && expects(a, "UNOWNED_PROBLEM"))).isTrue();
        // lateral experience in operations, marketing and sales
        for (String function : List.of("operations", "marketing", "sales")) {
            assertThat(any(a -> expects(a, "CROSS_FUNCTIONAL_ROTATION") && mentions(a, function)))
                    .as("rotation through " + function).isTrue();
        }
        // customer-facing work: sales conversations and roadmap talks
        assertThat(any(a -> expects(a, "CUSTOMER_FACING_SESSION") && mentions(a, "sales"))).isTrue();
        assertThat(any(a -> expects(a, "CUSTOMER_FACING_SESSION") && mentions(a, "roadmap"))).isTrue();
        // deliberately building cross-team relationships
        assertThat(any(a -> a.competency().equals("cross-team-relationships") && expects(a, "RELATIONSHIP_BUILT"))).isTrue();
        // framing updates as recommendations
        assertThat(any(a -> a.competency().equals("strategic-communication") && mentions(a, "recommendation")
                && expects(a, "STRATEGIC_RECOMMENDATION"))).isTrue();
        // clarity amid conflicting incentives
        assertThat(any(a -> a.competency().equals("clarity-amid-chaos") && mentions(a, "incentives")
                && expects(a, "DECISION_CLARIFIED"))).isTrue();
        // credibility before strategy: both categories, credibility across product, customers and business
        assertThat(List.of("platform-mastery", "customer-discovery", "business-acumen")).allSatisfy(c ->
                assertThat(any(a -> a.competency().equals(c) && a.category() == ActionCategory.CREDIBILITY)).isTrue());
        assertThat(any(a -> a.category() == ActionCategory.STRATEGY)).isTrue();
    }
}
