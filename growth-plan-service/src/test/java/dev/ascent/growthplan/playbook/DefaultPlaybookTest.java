package dev.ascent.growthplan.playbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The playbook shipped with the service: valid, complete, and covering the career principles. */
class DefaultPlaybookTest {

    static final PlaybookDocument DEFAULT = new PlaybookFormats(new ObjectMapper().findAndRegisterModules())
            .readResource("playbook/default-playbook.yaml");

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
    void isValid() {
        assertThat(PlaybookValidator.validate(DEFAULT)).isEmpty();
    }

    @Test
    void hasAtLeastThreeActionsForEveryCompetency() {
        Map<String, Long> perCompetency = DEFAULT.actions().stream()
                .collect(Collectors.groupingBy(PlaybookAction::competency, Collectors.counting()));

        assertThat(perCompetency.keySet()).containsExactlyInAnyOrderElementsOf(Vocabulary.COMPETENCIES);
        assertThat(perCompetency.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
    }

    @Test
    void everyTierHasActionsForMostCompetencies() {
        for (String tier : Vocabulary.TIERS) {
            long served = Vocabulary.COMPETENCIES.stream()
                    .filter(c -> any(a -> a.competency().equals(c) && a.suits(tier))).count();
            assertThat(served).as("competencies served for " + tier).isGreaterThanOrEqualTo(tier.equals("CPO") ? 7 : 12);
        }
        assertThat(Vocabulary.COMPETENCIES).allSatisfy(c -> assertThat(any(a -> a.competency().equals(c) && a.suits("IC")))
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
