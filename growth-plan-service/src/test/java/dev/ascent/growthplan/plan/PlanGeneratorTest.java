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
        return new PlaybookAction(code, competency, category, "Title of " + code, "why", "how", "artefact of " + code,
                days, List.of(tiers), null, List.of(new ExpectedEvidence("OTHER", competency, 1)));
    }

    /** An IC action only for the levels named. */
    static PlaybookAction icAction(String code, String competency, int days, String... levels) {
        return new PlaybookAction(code, competency, CREDIBILITY, "Title of " + code, "why", "how", "artefact of " + code,
                days, List.of("IC"), List.of(levels), List.of(new ExpectedEvidence("OTHER", competency, 1)));
    }

    static Gap gap(String competency, String focus, double ratingGap, double evidenceGap) {
        return new Gap(competency, focus, ratingGap, evidenceGap, false);
    }

    static Request request(String tier, String targetFocus, boolean founderLed, List<Gap> gaps) {
        return new Request(tier, "PM", targetFocus, founderLed, List.of(), gaps, START, 90);
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
            return new Request("IC", "PM", "STRATEGY", true, credibilityMissing, gaps, START, 90);
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
                    new Request("IC", "PM", "STRATEGY", false, List.of("business-acumen"), gaps, START, 90), actions);

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
        void actionsNamingLevelsSuitOnlyPeopleAtThoseLevels() {
            List<PlaybookAction> actions = List.of(icAction("a-apm", "a", 10, "APM"),
                    icAction("a-senior", "a", 10, "SENIOR_PM", "PRINCIPAL_PM"), action("a-any-ic", "a", CREDIBILITY, 10, "IC"));
            List<Gap> gaps = List.of(gap("a", "MARKET", 1, 0));

            assertThat(codes(generator.generate(atLevel("APM", gaps, 90), actions))).containsExactly("a-apm", "a-any-ic");
            assertThat(codes(generator.generate(atLevel("PM", gaps, 90), actions))).containsExactly("a-any-ic");
            assertThat(codes(generator.generate(atLevel("PRINCIPAL_PM", gaps, 90), actions)))
                    .containsExactly("a-senior", "a-any-ic");
        }

        @Test
        void aCompetencyWhoseActionsAreAllForOtherLevelsIsUncovered() {
            List<PlaybookAction> actions = List.of(icAction("a-apm", "a", 10, "APM"), icAction("b-senior", "b", 10, "SENIOR_PM"));

            GeneratedPlan plan = generator.generate(atLevel("SENIOR_PM",
                    List.of(gap("a", "MARKET", 2, 0), gap("b", "MARKET", 1, 0)), 90), actions);

            assertThat(plan.uncovered()).containsExactly("a");
            assertThat(codes(plan)).containsExactly("b-senior");
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

    static Request atLevel(String level, List<Gap> gaps, int horizon) {
        return new Request("IC", level, "MARKET", false, List.of(), gaps, START, horizon);
    }

    static List<LocalDate> dueDates(GeneratedPlan plan) {
        return plan.actions().stream().map(PlannedAction::dueOn).toList();
    }

    @Nested
    class FittingTheHorizon {

        @Test
        void actionsOfOneCompetencyRunOneAfterAnotherAtTheirFullDuration() {
            List<PlaybookAction> actions = List.of(action("a1", "a", CREDIBILITY, 10, "IC"),
                    action("a2", "a", CREDIBILITY, 20, "IC"));

            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false, List.of(gap("a", "MARKET", 1, 0))), actions);

            assertThat(dueDates(plan)).containsExactly(START.plusDays(10), START.plusDays(30));
            assertThat(plan.endsOn()).isEqualTo(START.plusDays(90));
        }

        @Test
        void competenciesRunSideBySide() {
            List<PlaybookAction> actions = List.of(action("a1", "a", CREDIBILITY, 60, "IC"),
                    action("b1", "b", CREDIBILITY, 45, "IC"), action("c1", "c", CREDIBILITY, 90, "IC"));

            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false,
                    List.of(gap("a", "MARKET", 3, 0), gap("b", "MARKET", 2, 0), gap("c", "MARKET", 1, 0))), actions);

            // 195 days of work in a 90-day horizon, none of it squeezed: each due at its own full length
            assertThat(codes(plan)).containsExactly("a1", "b1", "c1");
            assertThat(dueDates(plan)).containsExactly(START.plusDays(60), START.plusDays(45), START.plusDays(90));
        }

        @Test
        void anActionThatWouldEndAfterTheHorizonIsLeftOutAndAShorterOneTaken() {
            // the old rule squeezed a 90-day mentoring action after a 30-day one into days 23 and 90
            List<PlaybookAction> actions = List.of(action("a-release", "a", CREDIBILITY, 30, "IC"),
                    action("a-mentor", "a", CREDIBILITY, 90, "IC"), action("a-too-long-too", "a", CREDIBILITY, 61, "IC"),
                    action("a-exact", "a", CREDIBILITY, 60, "IC"));

            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false, List.of(gap("a", "MARKET", 1, 0))), actions);

            assertThat(codes(plan)).containsExactly("a-release", "a-exact");
            assertThat(dueDates(plan)).containsExactly(START.plusDays(30), START.plusDays(90));
        }

        @Test
        void anActionLongerThanTheHorizonIsNeverChosen() {
            List<PlaybookAction> actions = List.of(action("a-quarter", "a", CREDIBILITY, 91, "IC"),
                    action("a-month", "a", CREDIBILITY, 30, "IC"), action("b-quarter", "b", CREDIBILITY, 91, "IC"),
                    action("c-exact", "c", CREDIBILITY, 90, "IC"));

            GeneratedPlan plan = generator.generate(request("IC", "MARKET", false,
                    List.of(gap("a", "MARKET", 3, 0), gap("b", "MARKET", 2, 0), gap("c", "MARKET", 1, 0))), actions);

            assertThat(codes(plan)).containsExactly("a-month", "c-exact");
            assertThat(plan.uncovered()).containsExactly("b");
            assertThat(focusCodes(plan)).containsExactly("a", "c");
        }

        @Test
        void aShortHorizonTakesOnlyWhatFitsAndTheRestIsUncovered() {
            List<PlaybookAction> actions = List.of(action("a-long", "a", CREDIBILITY, 11, "IC"),
                    action("a-short", "a", CREDIBILITY, 10, "IC"), action("b-long", "b", CREDIBILITY, 29, "IC"));

            GeneratedPlan plan = generator.generate(atLevel("PM",
                    List.of(gap("a", "MARKET", 2, 0), gap("b", "MARKET", 1, 0)), 10), actions);

            assertThat(codes(plan)).containsExactly("a-short");
            assertThat(plan.uncovered()).containsExactly("b");
            assertThat(plan.endsOn()).isEqualTo(START.plusDays(10));
        }

        @Test
        void aFounderLedPlanStartsStrategyWhenTheLastCredibilityActionIsDue() {
            List<PlaybookAction> actions = List.of(action("a-strategy", "a", STRATEGY, 10, "IC"),
                    action("a-credibility", "a", CREDIBILITY, 20, "IC"), action("b-credibility", "b", CREDIBILITY, 35, "IC"),
                    action("b-strategy", "b", STRATEGY, 15, "IC"));

            GeneratedPlan plan = generator.generate(request("IC", "MARKET", true,
                    List.of(gap("a", "MARKET", 2, 0), gap("b", "MARKET", 1, 0))), actions);

            assertThat(codes(plan)).containsExactly("a-credibility", "b-credibility", "a-strategy", "b-strategy");
            assertThat(dueDates(plan)).containsExactly(START.plusDays(20), START.plusDays(35), START.plusDays(45),
                    START.plusDays(50));
            assertThat(plan.actions()).extracting(PlannedAction::position).containsExactly(0, 1, 2, 3);
        }

        @Test
        void aFounderLedPlanLeavesOutStrategyThatWouldEndAfterTheHorizon() {
            List<PlaybookAction> actions = List.of(action("a-credibility", "a", CREDIBILITY, 60, "IC"),
                    action("b-strategy", "b", STRATEGY, 31, "IC"), action("b-strategy-short", "b", STRATEGY, 30, "IC"));

            GeneratedPlan plan = generator.generate(request("IC", "MARKET", true,
                    List.of(gap("a", "MARKET", 2, 0), gap("b", "MARKET", 1, 0))), actions);

            assertThat(codes(plan)).containsExactly("a-credibility", "b-strategy-short");
            assertThat(dueDates(plan)).containsExactly(START.plusDays(60), START.plusDays(90));
        }

        @Test
        void noActionIsEverDueAfterTheHorizonOrBeforeItsFullDuration() {
            List<PlaybookAction> actions = new ArrayList<>();
            for (int d = 5; d <= 95; d += 15) {
                for (String c : List.of("a", "b", "c")) {
                    actions.add(action(c + d, c, d % 2 == 0 ? STRATEGY : CREDIBILITY, d, "IC"));
                }
            }
            for (boolean founderLed : List.of(true, false)) {
                for (int horizon : List.of(7, 30, 64, 90)) {
                    GeneratedPlan plan = generator.generate(new Request("IC", "PM", "MARKET", founderLed, List.of(),
                            List.of(gap("a", "MARKET", 3, 0), gap("b", "MARKET", 2, 0), gap("c", "MARKET", 1, 0)),
                            START, horizon), actions);
                    assertThat(plan.actions()).allSatisfy(a -> assertThat(a.dueOn())
                            .isBeforeOrEqualTo(START.plusDays(horizon))
                            .isAfterOrEqualTo(START.plusDays(a.action().durationDays())));
                    assertThat(plan.endsOn()).isEqualTo(START.plusDays(horizon));
                }
            }
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
        assertThatThrownBy(() -> new Request("IC", "PM", "MARKET", false, List.of(), List.of(), START, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(3, 2, 0.99)).isInstanceOf(IllegalArgumentException.class);
        // the smallest values allowed
        assertThat(new Settings(1, 1, 1.0).targetFocusWeight()).isEqualTo(1.0);
        assertThat(new Request("IC", "PM", "MARKET", false, List.of(), List.of(), START, 1).horizonDays()).isEqualTo(1);
        assertThatThrownBy(() -> new Request("IC", null, "MARKET", false, List.of(), List.of(), START, 1))
                .isInstanceOf(NullPointerException.class);
    }
}
