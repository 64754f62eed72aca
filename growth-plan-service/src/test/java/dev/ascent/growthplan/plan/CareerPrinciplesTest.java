package dev.ascent.growthplan.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.growthplan.playbook.ActionCategory;
import dev.ascent.growthplan.playbook.PlaybookAction;
import dev.ascent.growthplan.playbook.PlaybookDocument;
import dev.ascent.growthplan.playbook.PlaybookFormats;
import dev.ascent.testsupport.SeedText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The career principles as the default playbook's data and the plan generator's rules carry them.
 * Assertions read competencies, evidence kinds, tiers and categories, never wording.
 */
class CareerPrinciplesTest {

    static final String PLAYBOOK = "playbook/default-playbook.yaml";
    static final PlaybookDocument DEFAULT = new PlaybookFormats(new ObjectMapper().findAndRegisterModules())
            .readResource(PLAYBOOK);
    static final PlanGenerator GENERATOR = new PlanGenerator(new PlanGenerator.Settings(3, 2, 1.5));

    static List<PlaybookAction> actions(Predicate<PlaybookAction> p) {
        return DEFAULT.actions().stream().filter(p).toList();
    }

    /** Actions for {@code competency} that leave {@code kind} evidence behind for it, suiting {@code tier}. */
    static List<PlaybookAction> provenBy(String competency, String kind, String tier) {
        return actions(a -> a.competency().equals(competency) && a.suits(tier)
                && a.evidence().stream().anyMatch(e -> e.kind().equals(kind) && e.competency().equals(competency)));
    }

    static PlanGenerator.Gap gap(String competency, String focus, double size) {
        return new PlanGenerator.Gap(competency, focus, size, 0, false);
    }

    @Test
    @DisplayName("pyramid focus per tier: a plan weighs the focus its target tier adds")
    void pyramidFocusPerTier() {
        List<PlanGenerator.Gap> equalGaps = List.of(gap("customer-discovery", "MARKET", 1),
                gap("people-leadership", "PEOPLE", 1), gap("product-strategy", "STRATEGY", 1),
                gap("business-vision", "BUSINESS_VISION", 1));
        // the focus each tier adds is the framework's data (assessment-service's CareerPrinciplesTest pins it)
        for (var target : List.of(List.of("PEOPLE", "people-leadership"), List.of("STRATEGY", "product-strategy"),
                List.of("BUSINESS_VISION", "business-vision"))) {
            var plan = GENERATOR.generate(new PlanGenerator.Request("DIRECTOR", "DIRECTOR", target.get(0), false, List.of(),
                    equalGaps, LocalDate.of(2026, 1, 5), 90), DEFAULT.actions());
            assertThat(plan.focus().getFirst().competency()).as("first focus for " + target.get(0)).isEqualTo(target.get(1));
        }
    }

    @Test
    @DisplayName("prove before the title: every action names the evidence it must leave, counted, not ticked")
    void proveBeforeTheTitle() {
        assertThat(DEFAULT.actions()).allSatisfy(a -> assertThat(a.evidence()).as(a.code()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.count()).isPositive()));
        // and ICs reach into discovery and the business before any title asks for it
        assertThat(provenBy("customer-discovery", "CUSTOMER_DISCOVERY_SESSION", "IC")).isNotEmpty();
        assertThat(actions(a -> a.competency().equals("business-acumen") && a.suits("IC"))).isNotEmpty();
    }

    @Test
    @DisplayName("agency on unowned problems")
    void agencyOnUnownedProblems() {
        assertThat(provenBy("agency-ownership", "UNOWNED_PROBLEM", "IC")).isNotEmpty();
        assertThat(provenBy("agency-ownership", "UNOWNED_PROBLEM", "DIRECTOR")).isNotEmpty();
    }

    @Test
    @DisplayName("cross-functional breadth: rotations through other functions")
    void crossFunctionalBreadth() {
        assertThat(provenBy("cross-functional-breadth", "CROSS_FUNCTIONAL_ROTATION", "IC")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("customer-facing work")
    void customerFacingWork() {
        assertThat(provenBy("customer-facing", "CUSTOMER_FACING_SESSION", "IC")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("cross-team relationships")
    void crossTeamRelationships() {
        assertThat(provenBy("cross-team-relationships", "RELATIONSHIP_BUILT", "IC")).isNotEmpty();
        assertThat(provenBy("cross-team-relationships", "RELATIONSHIP_BUILT", "VP")).isNotEmpty();
    }

    @Test
    @DisplayName("strategic framing of updates: recommendations, from the first tier")
    void strategicFramingOfUpdates() {
        assertThat(provenBy("strategic-communication", "STRATEGIC_RECOMMENDATION", "IC")).isNotEmpty();
    }

    @Test
    @DisplayName("clarity amid chaos: decisions made clear")
    void clarityAmidChaos() {
        assertThat(provenBy("clarity-amid-chaos", "DECISION_CLARIFIED", "IC")).isNotEmpty();
    }

    @Test
    @DisplayName("credibility before strategy: credibility actions for product, customers and business, and plans lead with them")
    void credibilityBeforeStrategy() {
        for (String credibility : List.of("platform-mastery", "customer-discovery", "business-acumen")) {
            for (String tier : List.of("IC", "DIRECTOR")) {
                assertThat(actions(a -> a.competency().equals(credibility) && a.suits(tier)
                        && a.category() == ActionCategory.CREDIBILITY)).as(credibility + " for " + tier).isNotEmpty();
            }
        }
        assertThat(actions(a -> a.category() == ActionCategory.STRATEGY)).isNotEmpty();

        List<PlanGenerator.Gap> gaps = List.of(gap("product-strategy", "STRATEGY", 4), gap("business-acumen", "MARKET", 0.5));
        var founders = GENERATOR.generate(new PlanGenerator.Request("DIRECTOR", "DIRECTOR", "STRATEGY", true, List.of("business-acumen"),
                gaps, LocalDate.of(2026, 1, 5), 90), DEFAULT.actions());
        assertThat(founders.focus().getFirst().competency()).isEqualTo("business-acumen");
        assertThat(founders.actions().getFirst().action().category()).isEqualTo(ActionCategory.CREDIBILITY);
    }

    @Test
    @DisplayName("the playbook says it in its own words: no run of eight words from the seed notes")
    void thePlaybookCopiesNoSentenceOfTheSeed() throws IOException {
        String playbook;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PLAYBOOK)) {
            playbook = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(SeedText.load().sharedRuns(playbook)).isEmpty();
    }
}
