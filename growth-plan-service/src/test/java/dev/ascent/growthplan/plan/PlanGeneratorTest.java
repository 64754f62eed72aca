package dev.ascent.growthplan.plan;

import dev.ascent.growthplan.plan.PlanGenerator.Focus;
import dev.ascent.growthplan.plan.PlanGenerator.Gap;
import dev.ascent.growthplan.plan.PlanGenerator.GeneratedPlan;
import dev.ascent.growthplan.plan.PlanGenerator.PlannedAction;
import dev.ascent.growthplan.plan.PlanGenerator.Request;
import dev.ascent.growthplan.plan.PlanGenerator.Settings;
import dev.ascent.growthplan.playbook.ActionCategory;
import dev.ascent.growthplan.playbook.ExpectedEvidence;
import dev.ascent.growthplan.playbook.PlaybookAction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.ascent.growthplan.playbook.ActionCategory.CREDIBILITY;
import static dev.ascent.growthplan.playbook.ActionCategory.STRATEGY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanGeneratorTest {

    static final LocalDate START = LocalDate.of(2026, 9, 1);
    static final Settings DEFAULTS = new Settings(3, 2, 1.5);

    static PlaybookAction action(String code, String competency, ActionCategory category, int days, String... tiers) {
        return new PlaybookAction(code, competency, category, "Title of " + code, "why", "how", days, List.of(tiers),
                List.of(new ExpectedEvidence("OTHER", competency, 1)));
    }

    static Gap gap(String competency, String focus, double ratingGap, double evidenceGap) {
        return new Gap(competency, focus, ratingGap, evidenceGap, false);
    }

    static Request request(String tier, String targetFocus, boolean founderLed, List<Gap> gaps) {
        return new Request(tier, targetFocus, founderLed, List.of(), gaps, START, 90);
    }

    /** Two IC actions (one credibility, one strategy) and one Director action for each competency named. */
    static List<PlaybookAction> playbook(String... competencies) {
        List<PlaybookAction> actions = new ArrayList<>();
        for (String c : competencies) {
            actions.add(action(c + "-strategy", c, STRATEGY, 10, "IC", "DIRECTOR"));
            actions.add(action(c + "-credibility", c, CREDIBILITY, 10, "IC"));
            actions.add(action(c + "-director", c, CREDIBILITY, 10, "DIRECTOR"));
        }
        return actions;
    }

    static List<String> codes(GeneratedPlan plan) {
        return plan.actions().stream().map(a -> a.action().code()).toList();
    }

    static List<String> focusCodes(GeneratedPlan plan) {
        return plan.focus().stream().map(Focus::competency).toList();
    }

    final PlanGenerator generator = new PlanGenerator(DEFAULTS);

    @Nested
    class ChoosingFocus {

        @Test
        void largestGapsComeFirst() {
            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false, List.of(
                    gap("a", "PEOPLE", 1, 0),
                    gap("b", "PEOPLE", 2, 0.5),
                    gap("c", "PEOPLE", 0, 1.2))), playbook("a", "b", "c"));

            assertThat(plan.focus()).usingRecursiveComparison().isEqualTo(List.of(
                    new Focus("b", 2.5, 1), new Focus("c", 1.2, 2), new Focus("a", 1.0, 3)));
        }

        @Test
        void theTargetTiersFocusWeighsMore() {
            // For a VP target, a strategy gap of 1.0 scores 1.5 and beats a market gap of 1.4.
            GeneratedPlan plan = generator.generate(request("IC", "STRATEGY", false, List.of(
                    gap("market-thing", "MARKET", 1.4, 0),
                    gap("strategy-thing", "STRATEGY", 1.0, 0))), playbook("market-thing", "strategy-thing"));

            assertThat(plan.focus()).usingRecursiveComparison().isEqualTo(List.of(
                    new Focus("strategy-thing", 1.5, 1), new Focus("market-thing", 1.4, 2)));
        }

        @Test
        void theSameGapsWithAnIcTargetKeepTheirRawOrder() {
            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false, List.of(
                    gap("market-thing", "MARKET", 1.4, 0),
                    gap("strategy-thing", "STRATEGY", 1.0, 0))), playbook("market-thing", "strategy-thing"));

            assertThat(focusCodes(plan)).containsExactly("market-thing", "strategy-thing");
            assertThat(plan.focus().get(0).score()).isEqualTo(1.4 * 1.5);
        }

        @Test
        void tiesGoToTheLargerRatingGapThenToTheCode() {
            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false, List.of(
                    gap("zeta", "PEOPLE", 0.5, 0.5),
                    gap("beta", "PEOPLE", 0.5, 0.5),
                    gap("alpha", "PEOPLE", 0, 1.0))), playbook("zeta", "beta", "alpha"));

            assertThat(focusCodes(plan)).containsExactly("beta", "zeta", "alpha");
        }

        @Test
        void atMostTheConfiguredNumberOfCompetencies() {
            List<Gap> gaps = List.of(gap("a", "PEOPLE", 5, 0), gap("b", "PEOPLE", 4, 0), gap("c", "PEOPLE", 3, 0),
                    gap("d", "PEOPLE", 2, 0), gap("e", "PEOPLE", 1, 0));

            assertThat(focusCodes(generator.generate(request("IC", "MARKET", false, gaps), playbook("a", "b", "c", "d", "e"))))
                    .containsExactly("a", "b", "c");
            assertThat(focusCodes(new PlanGenerator(new Settings(1, 2, 1.5))
                    .generate(request("IC", "MARKET", false, gaps), playbook("a", "b", "c", "d", "e"))))
                    .containsExactly("a");
        }

        @Test
        void demonstratedAndZeroOrNegativeGapsAreNotFocus() {
            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false, List.of(
                    new Gap("done", "PEOPLE", 2, 0, true),
                    gap("none", "PEOPLE", 0, 0),
                    gap("over", "PEOPLE", -1, 0),
                    gap("real", "PEOPLE", 1, 0))), playbook("done", "none", "over", "real"));

            assertThat(focusCodes(plan)).containsExactly("real");
        }

        @Test
        void competenciesWithoutASuitableActionAreUncoveredAndDoNotUseAPlace() {
            List<PlaybookAction> actions = new ArrayList<>(playbook("b", "c", "d"));
            actions.add(action("a-vp-only", "a", STRATEGY, 10, "VP"));

            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false, List.of(
                    gap("a", "PEOPLE", 9, 0), gap("b", "PEOPLE", 3, 0), gap("c", "PEOPLE", 2, 0),
                    gap("d", "PEOPLE", 1, 0))), actions);

            assertThat(plan.uncovered()).containsExactly("a");
            assertThat(focusCodes(plan)).containsExactly("b", "c", "d");
            assertThat(plan.focus().get(0).rank()).isEqualTo(1);
        }

        @Test
        void noGapsGiveAnEmptyPlan() {
            GeneratedPlan plan = generator.generate(request("IC", "MARKET", true, List.of()), playbook("a"));

            assertThat(plan).usingRecursiveComparison()
                    .isEqualTo(new GeneratedPlan(List.of(), List.of(), List.of(), START.plusDays(90)));
        }
    }

    /** A VP target whose strategy gaps dwarf the one credibility competency still missing. */
    @Nested
    class CredibilityBeforeStrategy {

        final List<Gap> gaps = List.of(
                gap("product-strategy", "STRATEGY", 3, 2),   // 5 × 1.5 = 7.5
                gap("clarity-amid-chaos", "STRATEGY", 2, 1), // 4.5
                gap("influence", "PEOPLE", 2, 1),            // 3
                gap("business-acumen", "MARKET", 0.5, 0.5)); // 1
        final List<PlaybookAction> actions = playbook("product-strategy", "clarity-amid-chaos", "influence",
                "business-acumen");

        Request founderLed(List<String> credibilityMissing) {
            return new Request("IC", "STRATEGY", true, credibilityMissing, gaps, START, 90);
        }

        @Test
        void missingCredibilityCompetenciesLeadAFounderLedPlanWhateverTheStrategyGaps() {
            GeneratedPlan plan = generator.generate(founderLed(List.of("business-acumen")), actions);

            assertThat(plan.focus()).usingRecursiveComparison().isEqualTo(List.of(
                    new Focus("business-acumen", 1.0, 1), new Focus("product-strategy", 7.5, 2),
                    new Focus("clarity-amid-chaos", 4.5, 3)));
            assertThat(codes(plan).getFirst()).isEqualTo("business-acumen-credibility");
        }

        @Test
        void severalMissingCredibilityCompetenciesKeepTheirOwnGapOrder() {
            GeneratedPlan plan = generator.generate(founderLed(List.of("business-acumen", "influence")), actions);

            assertThat(focusCodes(plan)).containsExactly("influence", "business-acumen", "product-strategy");
        }

        @Test
        void withoutTheRuleTheSmallCredibilityGapWouldNotEvenBeAFocus() {
            GeneratedPlan nothingMissing = generator.generate(founderLed(List.of()), actions);
            GeneratedPlan notFounderLed = generator.generate(
                    new Request("IC", "STRATEGY", false, List.of("business-acumen"), gaps, START, 90), actions);

            assertThat(focusCodes(nothingMissing)).containsExactly("product-strategy", "clarity-amid-chaos", "influence");
            assertThat(focusCodes(notFounderLed)).containsExactly("product-strategy", "clarity-amid-chaos", "influence");
        }
    }

    @Nested
    class ChoosingActions {

        @Test
        void onlyActionsThatSuitThePersonsCurrentTier() {
            GeneratedPlan ic = generator.generate(request("IC", "PEOPLE", false, List.of(gap("a", "PEOPLE", 1, 0))),
                    playbook("a"));
            GeneratedPlan director = generator.generate(
                    request("DIRECTOR", "STRATEGY", false, List.of(gap("a", "PEOPLE", 1, 0))), playbook("a"));

            assertThat(codes(ic)).containsExactly("a-strategy", "a-credibility");
            assertThat(codes(director)).containsExactly("a-strategy", "a-director");
        }

        @Test
        void atMostTheConfiguredNumberOfActionsPerCompetencyInPlaybookOrder() {
            GeneratedPlan one = new PlanGenerator(new Settings(3, 1, 1.5))
                    .generate(request("IC", "MARKET", false, List.of(gap("a", "PEOPLE", 1, 0))), playbook("a"));

            assertThat(codes(one)).containsExactly("a-strategy");
        }

        @Test
        void actionsFollowFocusRankThenPlaybookOrderWhenNotFounderLed() {
            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false, List.of(
                    gap("small", "PEOPLE", 1, 0), gap("big", "PEOPLE", 3, 0))), playbook("small", "big"));

            assertThat(codes(plan)).containsExactly("big-strategy", "big-credibility", "small-strategy", "small-credibility");
            assertThat(plan.actions()).extracting(PlannedAction::position).containsExactly(0, 1, 2, 3);
        }

        @Test
        void founderLedPutsEveryCredibilityActionBeforeAnyStrategyAction() {
            GeneratedPlan plan = generator.generate(request("IC", "MARKET", true, List.of(
                    gap("small", "PEOPLE", 1, 0), gap("big", "PEOPLE", 3, 0))), playbook("small", "big"));

            assertThat(codes(plan)).containsExactly("big-credibility", "small-credibility", "big-strategy", "small-strategy");
            assertThat(plan.actions()).extracting(a -> a.action().category())
                    .containsExactly(CREDIBILITY, CREDIBILITY, STRATEGY, STRATEGY);
        }
    }

    @Nested
    class DueDates {

        @Test
        void actionsRunOneAfterAnotherWhenTheyFitTheHorizon() {
            List<PlaybookAction> actions = List.of(action("a1", "a", CREDIBILITY, 10, "IC"),
                    action("a2", "a", CREDIBILITY, 20, "IC"));

            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false, List.of(gap("a", "MARKET", 1, 0))), actions);

            assertThat(plan.actions()).extracting(PlannedAction::dueOn)
                    .containsExactly(START.plusDays(10), START.plusDays(30));
            assertThat(plan.endsOn()).isEqualTo(START.plusDays(90));
        }

        @Test
        void longPlansAreCompressedSoTheLastActionIsDueAtTheHorizon() {
            List<PlaybookAction> actions = List.of(action("a1", "a", CREDIBILITY, 60, "IC"),
                    action("a2", "a", CREDIBILITY, 60, "IC"), action("b1", "b", CREDIBILITY, 60, "IC"));

            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false,
                    List.of(gap("a", "MARKET", 2, 0), gap("b", "MARKET", 1, 0))), actions);

            // 180 days of work in a 90-day horizon: end days 60, 120, 180 scale to 30, 60, 90.
            assertThat(plan.actions()).extracting(PlannedAction::dueOn)
                    .containsExactly(START.plusDays(30), START.plusDays(60), START.plusDays(90));
        }

        @Test
        void roundingNeverPutsAnActionPastTheHorizonOrOnTheStartDay() {
            List<PlaybookAction> actions = List.of(action("a1", "a", CREDIBILITY, 7, "IC"),
                    action("a2", "a", CREDIBILITY, 13, "IC"), action("b1", "b", CREDIBILITY, 29, "IC"));
            Request shortHorizon = new Request("IC", "MARKET", false, List.of(),
                    List.of(gap("a", "MARKET", 2, 0), gap("b", "MARKET", 1, 0)), START, 10);

            GeneratedPlan plan = generator.generate(shortHorizon, actions);

            // end days 7, 20, 49 of 49 scale to ceil(70/49)=2, ceil(200/49)=5, 10
            assertThat(plan.actions()).extracting(PlannedAction::dueOn)
                    .containsExactly(START.plusDays(2), START.plusDays(5), START.plusDays(10));
            assertThat(plan.actions()).allSatisfy(a -> assertThat(a.dueOn())
                    .isAfter(START).isBeforeOrEqualTo(START.plusDays(10)));
        }
    }

    @Test
    void theSameInputsAlwaysGiveTheSamePlan() {
        Request req = request("IC", "PEOPLE", true, List.of(gap("a", "PEOPLE", 1, 0.4), gap("b", "MARKET", 1.2, 0),
                gap("c", "STRATEGY", 0.3, 0.3)));
        List<PlaybookAction> actions = playbook("a", "b", "c");

        GeneratedPlan first = generator.generate(req, actions);
        for (int i = 0; i < 20; i++) {
            assertThat(generator.generate(req, actions)).usingRecursiveComparison().isEqualTo(first);
        }
        // and the input order of gaps does not matter
        Request shuffled = request("IC", "PEOPLE", true, List.of(req.gaps().get(2), req.gaps().get(0), req.gaps().get(1)));
        assertThat(generator.generate(shuffled, actions)).usingRecursiveComparison().isEqualTo(first);
    }

    @Test
    void rejectsNonsensicalSettingsAndHorizons() {
        assertThatThrownBy(() -> new Settings(0, 2, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(3, 0, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request("IC", "MARKET", false, List.of(), List.of(), START, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(3, 2, 0.99)).isInstanceOf(IllegalArgumentException.class);
        // the smallest values allowed
        assertThat(new Settings(1, 1, 1.0).targetFocusWeight()).isEqualTo(1.0);
        assertThat(new Request("IC", "MARKET", false, List.of(), List.of(), START, 1).horizonDays()).isEqualTo(1);
    }
}
