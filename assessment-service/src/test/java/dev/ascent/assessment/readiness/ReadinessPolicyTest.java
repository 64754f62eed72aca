package dev.ascent.assessment.readiness;

import dev.ascent.assessment.framework.Framework;
import dev.ascent.assessment.framework.FrameworkDocument;
import dev.ascent.assessment.framework.FrameworkDocument.Expectation;
import dev.ascent.assessment.organisation.FounderLed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessPolicyTest {

    private static final Framework FRAMEWORK = new Framework(1, new FrameworkDocument("test", null,
            List.of(new FrameworkDocument.Level("LEAD", "Lead", "DIRECTOR"),
                    new FrameworkDocument.Level("HEAD", "Head", "VP")),
            List.of(competency("craft"), competency("strategy")),
            Map.of("LEAD", Map.of("craft", new Expectation(3, 1), "strategy", new Expectation(2, 1)),
                    "HEAD", Map.of("craft", new Expectation(4, 2), "strategy", new Expectation(3, 2))),
            List.of("craft"), List.of("craft"), List.of("strategy")));

    private static FrameworkDocument.Competency competency(String code) {
        return new FrameworkDocument.Competency(code, code, FrameworkDocument.Focus.MARKET, code, Map.of());
    }

    @Test
    void takesItsRulesFromTheFrameworkAndTheSetting() {
        ReadinessPolicy policy = ReadinessPolicy.of(FounderLed.ofTeam(true), FRAMEWORK, "HEAD");

        assertThat(policy.targetLevel()).isEqualTo("HEAD");
        assertThat(policy.strategyHeavyTarget()).isTrue();
        assertThat(policy.credibilityCompetencies()).containsExactly("craft");
        assertThat(policy.strategyCompetencies()).containsExactly("strategy");
        assertThat(policy.leadershipCompetencies()).containsExactly("craft");
        assertThat(policy.credibilityBeforeStrategy()).isTrue();
        assertThat(policy.whyCredibilityRuleDoesNotApply()).isNull();
    }

    @Test
    void credibilityBeforeStrategyNeedsBothFounderLedAndAStrategyHeavyTarget() {
        assertThat(ReadinessPolicy.of(FounderLed.ofOrganisation(true), FRAMEWORK, "LEAD").credibilityBeforeStrategy())
                .as("strategy expected only at 2").isFalse();
        assertThat(ReadinessPolicy.of(FounderLed.ofOrganisation(false), FRAMEWORK, "HEAD").credibilityBeforeStrategy())
                .isFalse();
        assertThat(ReadinessPolicy.of(FounderLed.ofOrganisation(false), FRAMEWORK, "LEAD")
                .whyCredibilityRuleDoesNotApply()).isEqualTo("Does not apply: the organisation is not founder-led.");
    }
}
