package dev.ascent.assessment.principles;

import dev.ascent.assessment.framework.DefaultFrameworkLoader;
import dev.ascent.assessment.framework.Framework;
import dev.ascent.assessment.framework.FrameworkDocument;
import dev.ascent.assessment.framework.FrameworkDocument.Focus;
import dev.ascent.assessment.framework.FrameworkDocument.Tier;
import dev.ascent.assessment.organisation.FounderLed;
import dev.ascent.assessment.readiness.ReadinessCalculator;
import dev.ascent.assessment.readiness.ReadinessPolicy;
import dev.ascent.testsupport.SeedText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The career principles Ascent is built on, each found in the default framework's data or in a
 * readiness rule. Assertions read codes, numbers and rules, never wording, so rephrasing a
 * description cannot break them and deleting a principle's data or rule does.
 */
class CareerPrinciplesTest {

    static final FrameworkDocument DOCUMENT = DefaultFrameworkLoader.readDefault();
    static final Framework FRAMEWORK = new Framework(1, DOCUMENT);

    static int expected(String level, String competency) {
        FrameworkDocument.Expectation e = FRAMEWORK.expectations(level).get(competency);
        return e == null ? 0 : e.proficiency();
    }

    static int focusSum(String level, Focus focus) {
        return DOCUMENT.competencies().stream().filter(c -> c.focus() == focus)
                .mapToInt(c -> expected(level, c.code())).sum();
    }

    static FrameworkDocument.Competency competency(String code) {
        assertThat(FRAMEWORK.hasCompetency(code)).as("competency " + code).isTrue();
        return FRAMEWORK.competency(code);
    }

    static List<String> levels() {
        return FRAMEWORK.levelCodes();
    }

    @Test
    @DisplayName("pyramid focus per tier: each tier raises what its own focus expects")
    void pyramidFocusPerTier() {
        // the pyramid is data: each tier names the focus it adds, market first
        assertThat(DOCUMENT.tiers()).extracting(Tier::code).containsExactly("IC", "DIRECTOR", "VP", "CPO");
        assertThat(DOCUMENT.tiers()).extracting(Tier::focus)
                .containsExactly(Focus.MARKET, Focus.PEOPLE, Focus.STRATEGY, Focus.BUSINESS_VISION);
        List<String> used = DOCUMENT.levels().stream().map(FrameworkDocument.Level::tier).distinct().toList();
        assertThat(used).as("every tier has levels").containsExactly("IC", "DIRECTOR", "VP", "CPO");
        for (Tier tier : DOCUMENT.tiers().subList(1, DOCUMENT.tiers().size())) {
            String first = DOCUMENT.levels().stream().filter(l -> l.tier().equals(tier.code())).findFirst().orElseThrow().code();
            String below = levels().get(levels().indexOf(first) - 1);
            assertThat(focusSum(first, tier.focus())).as(tier.code() + " raises " + tier.focus())
                    .isGreaterThan(focusSum(below, tier.focus()));
        }
        // ICs master the market: every market competency is expected at 3 or more by the top IC level
        String topIc = DOCUMENT.levels().stream().filter(l -> l.tier().equals("IC")).reduce((a, b) -> b).orElseThrow().code();
        DOCUMENT.competencies().stream().filter(c -> c.focus() == Focus.MARKET)
                .forEach(c -> assertThat(expected(topIc, c.code())).as(c.code() + " at " + topIc).isGreaterThanOrEqualTo(3));
    }

    @Test
    @DisplayName("prove before the title: every expectation needs evidence, and a rating alone is not enough")
    void proveBeforeTheTitle() {
        for (String level : levels()) {
            FRAMEWORK.expectations(level).forEach((code, e) ->
                    assertThat(e.evidence()).as(level + " " + code + " evidence").isGreaterThanOrEqualTo(1));
        }
        // readiness is measured against the next level, before the title
        assertThat(FRAMEWORK.nextLevel("PM")).contains("SENIOR_PM");
        var ratedOnly = ReadinessCalculator.calculate(new ReadinessCalculator.Input(List.of(
                new ReadinessCalculator.CompetencyInput("influence", "Influence", "PEOPLE", 3, 2, 5, 5, List.of(), 5,
                        new ReadinessCalculator.Evidence(0, List.of()))), true,
                ReadinessPolicy.of(FounderLed.ofOrganisation(false), FRAMEWORK, "SENIOR_PM")));
        assertThat(ratedOnly.competencies().getFirst().verdict()).isEqualTo(ReadinessCalculator.Verdict.EVIDENCE_GAP);
        assertThat(ratedOnly.status()).isNotEqualTo(ReadinessCalculator.Status.READY);
    }

    @Test
    @DisplayName("agency on unowned problems: expected at every level, central by Director")
    void agencyOnUnownedProblems() {
        competency("agency-ownership");
        levels().forEach(l -> assertThat(expected(l, "agency-ownership")).as(l).isGreaterThanOrEqualTo(1));
        assertThat(expected("DIRECTOR", "agency-ownership")).isGreaterThanOrEqualTo(4);
    }

    @Test
    @DisplayName("cross-functional breadth: expected from PM on, strong for VPs")
    void crossFunctionalBreadth() {
        competency("cross-functional-breadth");
        levels().subList(levels().indexOf("PM"), levels().size())
                .forEach(l -> assertThat(expected(l, "cross-functional-breadth")).as(l).isGreaterThanOrEqualTo(1));
        assertThat(expected("VP", "cross-functional-breadth")).isGreaterThanOrEqualTo(4);
    }

    @Test
    @DisplayName("customer-facing work: a leadership competency")
    void customerFacingWork() {
        competency("customer-facing");
        assertThat(FRAMEWORK.leadershipCompetencies()).contains("customer-facing");
        assertThat(expected("DIRECTOR", "customer-facing")).isGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("cross-team relationships: a leadership competency, expected at every level")
    void crossTeamRelationships() {
        competency("cross-team-relationships");
        assertThat(FRAMEWORK.leadershipCompetencies()).contains("cross-team-relationships", "platform-mastery");
        levels().forEach(l -> assertThat(expected(l, "cross-team-relationships")).as(l).isGreaterThanOrEqualTo(1));
    }

    @Test
    @DisplayName("strategic framing of updates: a strategy competency expected from the first level")
    void strategicFramingOfUpdates() {
        assertThat(competency("strategic-communication").focus()).isEqualTo(Focus.STRATEGY);
        levels().forEach(l -> assertThat(expected(l, "strategic-communication")).as(l).isGreaterThanOrEqualTo(1));
    }

    @Test
    @DisplayName("clarity amid chaos: a strategy competency that senior PMs are trusted for")
    void clarityAmidChaos() {
        assertThat(competency("clarity-amid-chaos").focus()).isEqualTo(Focus.STRATEGY);
        assertThat(expected("PRINCIPAL_PM", "clarity-amid-chaos")).isGreaterThan(expected("PM", "clarity-amid-chaos"));
        assertThat(expected("PRINCIPAL_PM", "clarity-amid-chaos")).isGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("credibility before strategy: data names both sides, and readiness withholds strategy credit")
    void credibilityBeforeStrategy() {
        assertThat(FRAMEWORK.credibilityCompetencies()).isNotEmpty().doesNotContainAnyElementsOf(FRAMEWORK.strategyCompetencies())
                .allSatisfy(CareerPrinciplesTest::competency);
        assertThat(FRAMEWORK.strategyCompetencies()).isNotEmpty().allSatisfy(CareerPrinciplesTest::competency);
        // strategy is expected from Senior PM up, so founder-led credibility comes first from there; juniors are not held
        assertThat(levels().stream().filter(FRAMEWORK::strategyHeavy).toList())
                .containsExactly("SENIOR_PM", "PRINCIPAL_PM", "DIRECTOR", "VP", "CPO");

        List<ReadinessCalculator.CompetencyInput> inputs = new ArrayList<>();
        for (var entry : FRAMEWORK.expectations("VP").entrySet()) {
            boolean credibility = FRAMEWORK.credibilityCompetencies().contains(entry.getKey());
            int rating = credibility ? entry.getValue().proficiency() - 1 : entry.getValue().proficiency();
            inputs.add(new ReadinessCalculator.CompetencyInput(entry.getKey(), entry.getKey(), "MARKET",
                    entry.getValue().proficiency(), entry.getValue().evidence(), null, rating, List.of(), null,
                    new ReadinessCalculator.Evidence(entry.getValue().evidence(), List.of())));
        }
        var founders = ReadinessCalculator.calculate(new ReadinessCalculator.Input(inputs, true,
                ReadinessPolicy.of(FounderLed.ofOrganisation(true), FRAMEWORK, "VP")));
        var elsewhere = ReadinessCalculator.calculate(new ReadinessCalculator.Input(inputs, true,
                ReadinessPolicy.of(FounderLed.ofOrganisation(false), FRAMEWORK, "VP")));
        assertThat(founders.credibilityGate().missing()).containsExactlyInAnyOrderElementsOf(FRAMEWORK.credibilityCompetencies());
        assertThat(founders.readinessPercent()).isLessThan(elsewhere.readinessPercent());
    }

    @Test
    @DisplayName("the framework says it in its own words: no run of seven words from the seed notes")
    void theFrameworkCopiesNoSentenceOfTheSeed() throws IOException {
        SeedText seed = SeedText.load();
        String framework;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("frameworks/default-pm.yaml")) {
            framework = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(seed.sharedRuns(framework)).isEmpty();
    }

    @Test
    @DisplayName("the copy check catches a copied sentence whatever its case and punctuation")
    void theCopyCheckCanFail() {
        SeedText seed = SeedText.of("Always write the update as a recommendation, with the reasons behind it.\nAnother line.");
        assertThat(seed.sharedRuns("# always WRITE the update as a recommendation - with the reasons")).isNotEmpty();
        assertThat(seed.sharedRuns("the update as a recommendation with")).as("six words").isEmpty();
        assertThat(seed.sharedRuns("behind it another line and more words here")).as("runs stay within a line").isEmpty();
    }
}
