package dev.ascent.assessment.readiness;

import dev.ascent.assessment.framework.Framework;
import dev.ascent.assessment.organisation.FounderLed;

import java.util.List;
import java.util.Objects;

/**
 * Every rule readiness applies to one person and target, built in one place from the organisation's
 * and team's settings and the published framework, so a new rule is one change here and in
 * {@link ReadinessCalculator}, not another argument threaded through every caller.
 *
 * @param founderLed              the setting that applies to the person, and whose it is
 * @param targetLevel             the level readiness is measured against
 * @param strategyHeavyTarget     whether that level expects strategy work ({@link Framework#strategyHeavy})
 * @param credibilityCompetencies what a founder-led company must see demonstrated before strategy counts
 * @param strategyCompetencies    the competencies that earn no credit while credibility is missing
 * @param leadershipCompetencies  counted for the leadership-readiness figure
 */
public record ReadinessPolicy(FounderLed founderLed, String targetLevel, boolean strategyHeavyTarget,
                              List<String> credibilityCompetencies, List<String> strategyCompetencies,
                              List<String> leadershipCompetencies) {

    public ReadinessPolicy {
        Objects.requireNonNull(founderLed, "founderLed");
        credibilityCompetencies = List.copyOf(credibilityCompetencies);
        strategyCompetencies = List.copyOf(strategyCompetencies);
        leadershipCompetencies = List.copyOf(leadershipCompetencies);
    }

    public static ReadinessPolicy of(FounderLed founderLed, Framework framework, String targetLevel) {
        return new ReadinessPolicy(founderLed, targetLevel, framework.strategyHeavy(targetLevel),
                framework.credibilityCompetencies(), framework.strategyCompetencies(),
                framework.leadershipCompetencies());
    }

    /** Credibility before strategy: founder-led, and the target asks for strategy work. */
    public boolean credibilityBeforeStrategy() {
        return founderLed.value() && strategyHeavyTarget;
    }

    /** Why the credibility rule does not apply, in plain words; {@code null} when it does. */
    String whyCredibilityRuleDoesNotApply() {
        if (!founderLed.value()) {
            return "Does not apply: " + founderLed.whose() + " is not founder-led.";
        }
        if (!strategyHeavyTarget) {
            return "Does not apply: the target level " + targetLevel
                    + " is not strategy-heavy (it expects no strategy competency at proficiency 3 or more).";
        }
        return null;
    }
}
