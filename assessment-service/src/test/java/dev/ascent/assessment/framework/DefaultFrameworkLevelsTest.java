package dev.ascent.assessment.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ascent.assessment.organisation.FounderLed;
import dev.ascent.assessment.readiness.ReadinessCalculator;
import dev.ascent.assessment.readiness.ReadinessPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The level expectations of the shipped framework that a head of product would sign (issue 16; the
 * reasons are in docs/framework-rationale.md). Each rule reads only codes and numbers (and, for
 * hiring, the behaviour the Director is rated against); the framework shipped before (revision 1)
 * breaks them, so putting that content back fails here.
 */
class DefaultFrameworkLevelsTest {

    static final Framework SHIPPED = new Framework(1, DefaultFrameworkLoader.readDefault());
    static final Framework REVISION_1 = new Framework(1, read("frameworks/default-pm-revision-1.yaml"));

    /** The evidence weighting every service shares (docs/service-contracts.md), for work within a year. */
    static final double VERIFIED = 1.0;
    static final double CONFIRMED = 0.7;
    /** The most evidence items one competency may need in a year when nobody has verified them yet. */
    static final int MOST_CONFIRMED_ITEMS = 8;

    /** One rule of the shipped framework's level expectations: what breaks it, empty when it holds. */
    enum LevelRule {
        NEW_COMPETENCIES("data & experimentation and product craft: market competencies expected at every level", f -> {
            List<String> broken = new ArrayList<>();
            for (String code : List.of("data-experimentation", "product-craft")) {
                if (!f.hasCompetency(code) || f.competency(code).focus() != FrameworkDocument.Focus.MARKET) {
                    broken.add(code + " is not a market competency of the framework");
                    continue;
                }
                f.levelCodes().stream().filter(l -> proficiency(f, l, code) == 0)
                        .forEach(l -> broken.add(code + " is not expected at " + l));
            }
            return broken;
        }),
        STRATEGY_AT_SENIOR_IC("strategy at 3 from Senior PM, and a PM derives their area's", f ->
                failures(proficiency(f, "SENIOR_PM", "product-strategy") >= 3, "Senior PM product strategy below 3",
                        proficiency(f, "PRINCIPAL_PM", "product-strategy") >= 3, "Principal PM product strategy below 3",
                        proficiency(f, "PM", "product-strategy") >= 2, "PM product strategy below 2")),
        TOP_OF_THE_SCALE("the top of the scale is required: the CPO's business vision at 5", f ->
                failures(proficiency(f, "CPO", "business-vision") == 5, "the CPO's business vision is not 5")),
        DISCOVERY_AHEAD_OF_DELIVERY("an APM discovers at least as much as they deliver, and meets customers", f ->
                failures(proficiency(f, "APM", "customer-discovery") >= proficiency(f, "APM", "execution-delivery"),
                        "APM discovery below delivery",
                        evidence(f, "APM", "customer-discovery") >= evidence(f, "APM", "execution-delivery"),
                        "APM discovery evidence below delivery evidence",
                        proficiency(f, "APM", "execution-delivery") < proficiency(f, "PM", "execution-delivery"),
                        "an APM is expected to run delivery like a PM",
                        proficiency(f, "APM", "customer-facing") > 0, "an APM is not expected to meet customers")),
        DIRECTOR_HIRES_AND_DEVELOPS("a Director's people leadership at 4 or more, hiring in what that level means", f -> {
            int expected = proficiency(f, "DIRECTOR", "people-leadership");
            boolean hires = expected > 0 && f.competency("people-leadership").behaviours().get(expected).stream()
                    .anyMatch(HIRING.asPredicate());
            return failures(expected >= 4, "Director people leadership below 4",
                    hires, "hiring is not in the Director's people-leadership behaviours");
        }),
        LEVELS_DIFFER("every level differs from the one below in at least 5 expected proficiencies", f -> {
            List<String> broken = new ArrayList<>();
            List<String> levels = f.levelCodes();
            for (int i = 1; i < levels.size(); i++) {
                String below = levels.get(i - 1);
                String level = levels.get(i);
                long differ = f.document().competencies().stream()
                        .filter(c -> proficiency(f, below, c.code()) != proficiency(f, level, c.code())).count();
                if (differ < 5) {
                    broken.add(below + " and " + level + " differ in " + differ + " competencies");
                }
            }
            return broken;
        }),
        EVIDENCE_KEEPS_PACE("a level asks for evidence strength at least equal to the proficiency it expects", f ->
                eachExpectation(f, (level, code, e) -> e.evidence() >= e.proficiency() ? null
                        : level + " " + code + " expects " + e.proficiency() + " backed by only " + e.evidence())),
        EVIDENCE_REACHABLE("every evidence expectation is met by that many verified items, or by at most 8 confirmed ones", f ->
                eachExpectation(f, (level, code, e) -> {
                    int confirmed = itemsNeeded(e.evidence(), CONFIRMED);
                    if (e.evidence() < 1) {
                        return level + " " + code + " asks for no evidence";
                    }
                    if (confirmed > MOST_CONFIRMED_ITEMS) {
                        return level + " " + code + " needs " + confirmed + " confirmed items";
                    }
                    if (!demonstrated(f, level, code, e, confirmed, CONFIRMED) || demonstrated(f, level, code, e, confirmed - 1, CONFIRMED)
                            || !demonstrated(f, level, code, e, e.evidence(), VERIFIED)) {
                        return level + " " + code + ": readiness does not weigh " + confirmed + " confirmed or "
                                + e.evidence() + " verified items as this rule expects";
                    }
                    return null;
                })),
        MORE_ABOVE("no level expects less than the one below it, and each asks for more evidence in all", f -> {
            List<String> broken = new ArrayList<>();
            List<String> levels = f.levelCodes();
            for (int i = 1; i < levels.size(); i++) {
                String below = levels.get(i - 1);
                String level = levels.get(i);
                for (FrameworkDocument.Competency c : f.document().competencies()) {
                    if (proficiency(f, level, c.code()) < proficiency(f, below, c.code())
                            || evidence(f, level, c.code()) < evidence(f, below, c.code())) {
                        broken.add(level + " expects less " + c.code() + " than " + below);
                    }
                }
                if (totalEvidence(f, level) <= totalEvidence(f, below)) {
                    broken.add(level + " asks for no more evidence than " + below);
                }
            }
            return broken;
        }),
        CREDIBILITY_FROM_SENIOR_PM("strategy-heavy, so founder-led credibility first, from Senior PM up", f ->
                failures(f.levelCodes().stream().filter(f::strategyHeavy).toList()
                                .equals(List.of("SENIOR_PM", "PRINCIPAL_PM", "DIRECTOR", "VP", "CPO")),
                        "the strategy-heavy levels are " + f.levelCodes().stream().filter(f::strategyHeavy).toList()));

        final String rule;
        final Function<Framework, List<String>> check;

        LevelRule(String rule, Function<Framework, List<String>> check) {
            this.rule = rule;
            this.check = check;
        }
    }

    static final Pattern HIRING = Pattern.compile("(?i)\\bhir(e|es|ing)\\b");

    @ParameterizedTest
    @EnumSource(LevelRule.class)
    @DisplayName("the shipped framework keeps the rule")
    void theShippedFrameworkKeepsTheRule(LevelRule rule) {
        assertThat(rule.check.apply(SHIPPED)).as(rule.rule).isEmpty();
    }

    @Test
    @DisplayName("the framework shipped before (revision 1) breaks the rules, so reverting to it fails")
    void theEarlierContentBreaksTheRules() {
        Set<LevelRule> broken = EnumSet.allOf(LevelRule.class).stream()
                .filter(rule -> !rule.check.apply(REVISION_1).isEmpty()).collect(Collectors.toSet());
        assertThat(broken).containsExactlyInAnyOrder(LevelRule.NEW_COMPETENCIES, LevelRule.STRATEGY_AT_SENIOR_IC,
                LevelRule.TOP_OF_THE_SCALE, LevelRule.DISCOVERY_AHEAD_OF_DELIVERY, LevelRule.DIRECTOR_HIRES_AND_DEVELOPS,
                LevelRule.LEVELS_DIFFER, LevelRule.EVIDENCE_KEEPS_PACE, LevelRule.CREDIBILITY_FROM_SENIOR_PM);
        assertThat(LevelRule.LEVELS_DIFFER.check.apply(REVISION_1)).contains("PRINCIPAL_PM and DIRECTOR differ in 3 competencies");
        // revision 1 asked for 3 and said "confirmed items": three of them weigh 2.1
        assertThat(strength(3, CONFIRMED)).isLessThan(3);
    }

    @Test
    @DisplayName("the evidence rule is the readiness rule: one confirmed item short of the count is not enough")
    void theEvidenceRuleCanFail() {
        FrameworkDocument.Expectation five = new FrameworkDocument.Expectation(5, 5);
        assertThat(itemsNeeded(5, CONFIRMED)).isEqualTo(8);
        assertThat(demonstrated(SHIPPED, "CPO", "business-vision", five, 7, CONFIRMED)).isFalse();
        assertThat(demonstrated(SHIPPED, "CPO", "business-vision", five, 8, CONFIRMED)).isTrue();
        assertThat(itemsNeeded(12, CONFIRMED)).as("strength 12 would need 18 confirmed items")
                .isGreaterThan(MOST_CONFIRMED_ITEMS);
    }

    static int proficiency(Framework f, String level, String competency) {
        FrameworkDocument.Expectation e = f.expectations(level).get(competency);
        return e == null ? 0 : e.proficiency();
    }

    static int evidence(Framework f, String level, String competency) {
        FrameworkDocument.Expectation e = f.expectations(level).get(competency);
        return e == null ? 0 : e.evidence();
    }

    static int totalEvidence(Framework f, String level) {
        return f.expectations(level).values().stream().mapToInt(FrameworkDocument.Expectation::evidence).sum();
    }

    /** Pairs of (holds, what is broken when it does not). */
    static List<String> failures(Object... holdsThenWhat) {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < holdsThenWhat.length; i += 2) {
            if (!(Boolean) holdsThenWhat[i]) {
                broken.add((String) holdsThenWhat[i + 1]);
            }
        }
        return broken;
    }

    interface ExpectationCheck {
        /** @return what is broken, or null */
        String check(String level, String competency, FrameworkDocument.Expectation expectation);
    }

    static List<String> eachExpectation(Framework f, ExpectationCheck check) {
        List<String> broken = new ArrayList<>();
        for (String level : f.levelCodes()) {
            f.expectations(level).forEach((code, e) -> {
                String problem = check.check(level, code, e);
                if (problem != null) {
                    broken.add(problem);
                }
            });
        }
        return broken;
    }

    /** The fewest items of {@code weight} whose strength, as evidence-service rounds it, meets {@code required}. */
    static int itemsNeeded(int required, double weight) {
        int n = 0;
        while (strength(n, weight) < required) {
            n++;
        }
        return n;
    }

    /** Strength to two decimals, as evidence-service reports it. */
    static double strength(int items, double weight) {
        return Math.round(items * weight * 100.0) / 100.0;
    }

    /** Whether readiness counts someone rated at the expectation, with {@code items} items of {@code weight}, as demonstrated. */
    static boolean demonstrated(Framework f, String level, String code, FrameworkDocument.Expectation e, int items,
                                double weight) {
        List<ReadinessCalculator.EvidenceItem> list = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            list.add(new ReadinessCalculator.EvidenceItem("e" + i, "work " + i, "OTHER", weight == VERIFIED ? "VERIFIED" : "CONFIRMED",
                    "2026-10-01", weight, List.of(), null));
        }
        var input = new ReadinessCalculator.CompetencyInput(code, code, "MARKET", e.proficiency(), e.evidence(), null,
                e.proficiency(), List.of(), null, new ReadinessCalculator.Evidence(strength(items, weight), list));
        var result = ReadinessCalculator.calculate(new ReadinessCalculator.Input(List.of(input), true,
                ReadinessPolicy.of(FounderLed.ofOrganisation(false), f, level)));
        return result.competencies().getFirst().verdict() == ReadinessCalculator.Verdict.DEMONSTRATED;
    }

    static FrameworkDocument read(String resource) {
        try (InputStream in = DefaultFrameworkLevelsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper(new YAMLFactory()).findAndRegisterModules().readValue(in, FrameworkDocument.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
