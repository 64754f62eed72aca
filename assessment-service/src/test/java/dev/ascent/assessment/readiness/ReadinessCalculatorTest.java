package dev.ascent.assessment.readiness;

import dev.ascent.assessment.readiness.ReadinessCalculator.CompetencyInput;
import dev.ascent.assessment.readiness.ReadinessCalculator.Evidence;
import dev.ascent.assessment.readiness.ReadinessCalculator.EvidenceItem;
import dev.ascent.assessment.readiness.ReadinessCalculator.Input;
import dev.ascent.assessment.readiness.ReadinessCalculator.Result;
import dev.ascent.assessment.readiness.ReadinessCalculator.Status;
import dev.ascent.assessment.readiness.ReadinessCalculator.Verdict;
import dev.ascent.assessment.organisation.FounderLed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessCalculatorTest {

    private static final List<String> LEADERSHIP = List.of("platform-mastery", "customer-facing", "cross-team-relationships");
    private static final List<String> CREDIBILITY = List.of("platform-mastery", "customer-discovery");
    private static final List<String> STRATEGY = List.of("product-strategy", "business-vision");
    private static final ReadinessPolicy NOT_FOUNDER_LED = policy(FounderLed.ofOrganisation(false), true);

    private static ReadinessPolicy policy(FounderLed founderLed, boolean strategyHeavyTarget) {
        return new ReadinessPolicy(founderLed, "VP", strategyHeavyTarget, CREDIBILITY, STRATEGY, LEADERSHIP);
    }

    private static Evidence evidence(double... weights) {
        List<EvidenceItem> items = new java.util.ArrayList<>();
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            items.add(new EvidenceItem("e" + i, "item " + i, "DELIVERY", "CONFIRMED", "2026-10-0" + (i + 1), weights[i],
                    List.of(), null));
            sum += weights[i];
        }
        return new Evidence(sum, items);
    }

    private static CompetencyInput competency(String code, int expected, int required, Integer self, Integer manager,
                                              List<Integer> peers, Integer calibrated, Evidence evidence) {
        return new CompetencyInput(code, code, "MARKET", expected, required, self, manager, peers, calibrated, evidence);
    }

    private static Input input(boolean evidenceAvailable, CompetencyInput... competencies) {
        return new Input(List.of(competencies), evidenceAvailable, NOT_FOUNDER_LED);
    }

    @Test
    void demonstratedNeedsBothTheRatingAndTheEvidence() {
        Result result = ReadinessCalculator.calculate(input(true,
                competency("customer-discovery", 3, 2, 3, 3, List.of(), null, evidence(1.0, 1.0)),
                competency("platform-mastery", 3, 2, 4, 4, List.of(), null, evidence(0.7)),
                competency("influence", 3, 2, 3, 2, List.of(), null, evidence(1.0, 1.0)),
                competency("business-acumen", 3, 2, 4, 2, List.of(), null, evidence())));

        assertThat(result.competencies()).extracting(ReadinessCalculator.CompetencyResult::verdict)
                .containsExactly(Verdict.DEMONSTRATED, Verdict.EVIDENCE_GAP, Verdict.RATING_GAP, Verdict.BOTH_GAPS);
        var platform = result.competencies().get(1);
        assertThat(platform.evidenceStrength()).isEqualTo(0.7);
        assertThat(platform.evidenceGap()).isEqualTo(1.3);
        assertThat(platform.evidence()).hasSize(1);
        assertThat(result.competencies().get(2).ratingGap()).isEqualTo(1.0);
        // scores (1+1)/2, (1+0.35)/2, (0.667+1)/2, (0.667+0)/2 → mean 0.710
        assertThat(result.readinessPercent()).isEqualTo(71);
        assertThat(result.status()).isEqualTo(Status.EMERGING);
    }

    @Test
    void everythingDemonstratedIsReady() {
        Result result = ReadinessCalculator.calculate(input(true,
                competency("customer-discovery", 3, 2, null, 3, List.of(), null, evidence(1.0, 1.0)),
                competency("execution-delivery", 2, 1, null, null, List.of(), 4, evidence(0.7, 0.7))));

        assertThat(result.status()).isEqualTo(Status.READY);
        assertThat(result.readinessPercent()).isEqualTo(100);
    }

    @Test
    void withNoAssessmentsAndNoEvidenceNothingIsDemonstrated() {
        Result result = ReadinessCalculator.calculate(input(true,
                competency("customer-discovery", 3, 2, null, null, List.of(), null, null),
                competency("influence", 2, 1, null, null, List.of(), null, null)));

        assertThat(result.readinessPercent()).isZero();
        assertThat(result.status()).isEqualTo(Status.NOT_READY);
        assertThat(result.competencies()).allSatisfy(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.BOTH_GAPS);
            assertThat(c.effectiveRating()).isNull();
            assertThat(c.ratingGap()).isEqualTo(c.expected());
            assertThat(c.evidenceGap()).isEqualTo((double) c.evidenceRequired());
        });
    }

    @Test
    void aSelfRatingAloneNeverCounts() {
        Result result = ReadinessCalculator.calculate(input(true,
                competency("customer-discovery", 3, 1, 5, null, List.of(), null, evidence(1.0))));

        var c = result.competencies().getFirst();
        assertThat(c.selfRating()).isEqualTo(5);
        assertThat(c.effectiveRating()).isNull();
        assertThat(c.verdict()).isEqualTo(Verdict.RATING_GAP);
        assertThat(result.status()).isNotEqualTo(Status.READY);
    }

    @Test
    void calibrationOverridesTheManagerAndPeersAverageWhenAlone() {
        Result calibrated = ReadinessCalculator.calculate(input(true,
                competency("influence", 3, 0, 2, 2, List.of(5, 5), 3, null)));
        assertThat(calibrated.competencies().getFirst().effectiveRating()).isEqualTo(3.0);
        assertThat(calibrated.competencies().getFirst().verdict()).isEqualTo(Verdict.DEMONSTRATED);

        Result peersOnly = ReadinessCalculator.calculate(input(true,
                competency("influence", 3, 0, null, null, List.of(2, 3, 3), null, null)));
        var c = peersOnly.competencies().getFirst();
        assertThat(c.peerRating()).isEqualTo(2.7);
        assertThat(c.verdict()).isEqualTo(Verdict.RATING_GAP);
        assertThat(c.ratingGap()).isEqualTo(0.3);
    }

    @Test
    void staleEvidenceIsListedButAddsNothing() {
        Result result = ReadinessCalculator.calculate(input(true,
                competency("customer-discovery", 3, 2, null, 3, List.of(), null, evidence(0.0, 0.0, 0.0))));

        var c = result.competencies().getFirst();
        assertThat(c.evidence()).hasSize(3);
        assertThat(c.evidenceStrength()).isZero();
        assertThat(c.verdict()).isEqualTo(Verdict.EVIDENCE_GAP);
    }

    @Test
    void withoutEvidenceTheAnswerUsesRatingsAndIsNeverReady() {
        Result result = ReadinessCalculator.calculate(input(false,
                competency("customer-discovery", 3, 2, null, 3, List.of(), null, null),
                competency("influence", 3, 2, null, 2, List.of(), null, null)));

        assertThat(result.competencies()).extracting(ReadinessCalculator.CompetencyResult::verdict)
                .containsExactly(Verdict.EVIDENCE_UNAVAILABLE, Verdict.RATING_GAP);
        assertThat(result.competencies()).allSatisfy(c -> {
            assertThat(c.evidenceStrength()).isNull();
            assertThat(c.evidenceGap()).isNull();
        });
        assertThat(result.readinessPercent()).isEqualTo(83); // (1 + 0.667) / 2
        assertThat(result.status()).isEqualTo(Status.EMERGING);

        Result allMet = ReadinessCalculator.calculate(input(false,
                competency("customer-discovery", 3, 2, null, 5, List.of(), null, null)));
        assertThat(allMet.readinessPercent()).isEqualTo(100);
        assertThat(allMet.status()).isEqualTo(Status.EMERGING);
    }

    @Test
    void emergingStartsAtExactlySixtyPercent() {
        Result atSixty = ReadinessCalculator.calculate(input(false,
                competency("influence", 5, 1, null, 3, List.of(), null, null)));
        assertThat(atSixty.readinessPercent()).isEqualTo(ReadinessCalculator.EMERGING_FROM_PERCENT);
        assertThat(atSixty.status()).isEqualTo(Status.EMERGING);

        Result justBelow = ReadinessCalculator.calculate(input(false,
                competency("influence", 5, 1, null, null, List.of(3, 3, 2), null, null)));
        assertThat(justBelow.readinessPercent()).isEqualTo(54); // 2.7 of 5
        assertThat(justBelow.status()).isEqualTo(Status.NOT_READY);
    }

    @Test
    void evidenceThatAddsUpToTheRequirementMeetsItDespiteFloatNoise() {
        Result result = ReadinessCalculator.calculate(input(true,
                competency("influence", 3, 2, null, 3, List.of(), null, evidence(0.7, 0.7, 0.6))));
        assertThat(result.competencies().getFirst().verdict()).isEqualTo(Verdict.DEMONSTRATED);

        Result short1 = ReadinessCalculator.calculate(input(true,
                competency("influence", 3, 2, null, 3, List.of(), null, evidence(0.7, 0.7, 0.599))));
        assertThat(short1.competencies().getFirst().verdict()).isEqualTo(Verdict.EVIDENCE_GAP);
    }

    @Test
    void leadershipCountsItsThreeCompetencies() {
        Result result = ReadinessCalculator.calculate(input(true,
                competency("platform-mastery", 3, 1, null, 3, List.of(), null, evidence(1.0)),
                competency("customer-facing", 3, 1, null, 2, List.of(), null, evidence(1.0)),
                competency("cross-team-relationships", 3, 1, null, 4, List.of(), null, evidence(1.0))));

        assertThat(result.leadership().demonstrated()).isEqualTo(2);
        assertThat(result.leadership().of()).isEqualTo(3);
        assertThat(result.leadership().missing()).containsExactly("customer-facing");
    }

    /** Strong on strategy, one credibility competency short: 91% on merit, of which strategy is 2 of 4 points. */
    private static List<CompetencyInput> strategistMissingPlatformMastery() {
        return List.of(
                competency("platform-mastery", 4, 2, null, 3, List.of(), null, evidence(1.0)),    // 0.625
                competency("customer-discovery", 4, 2, null, 4, List.of(), null, evidence(1.0, 1.0)),
                competency("product-strategy", 4, 2, null, 5, List.of(), null, evidence(1.0, 1.0)),
                competency("business-vision", 2, 1, null, 2, List.of(), null, evidence(1.0)));
    }

    @Test
    void foundersHoldStrategyCreditBackUntilCredibilityIsDemonstrated() {
        Result gated = ReadinessCalculator.calculate(new Input(strategistMissingPlatformMastery(), true,
                policy(FounderLed.ofOrganisation(true), true)));

        // (0.625 + 1 + 0 + 0) / 4: the strategy competencies count for nothing yet.
        assertThat(gated.readinessPercent()).isEqualTo(41);
        assertThat(gated.status()).isEqualTo(Status.NOT_READY);
        assertThat(gated.credibilityGate().applies()).isTrue();
        assertThat(gated.credibilityGate().met()).isFalse();
        assertThat(gated.credibilityGate().decidedBy()).isEqualTo("ORGANISATION");
        assertThat(gated.credibilityGate().missing()).containsExactly("platform-mastery");
        assertThat(gated.credibilityGate().strategyWithheld()).containsExactly("product-strategy", "business-vision");
        assertThat(gated.credibilityGate().percentWithoutRule()).isEqualTo(91);
        assertThat(gated.credibilityGate().explanation()).isEqualTo("Not met: the organisation is founder-led and VP"
                + " is strategy-heavy, so credibility comes before strategy. Not yet demonstrated: platform-mastery."
                + " Until they are, readiness stays below READY and product-strategy, business-vision earn no credit:"
                + " 41% instead of 91%.");
    }

    @Test
    void withoutTheFounderLedSettingTheSamePersonIsJudgedOnMerit() {
        Result ungated = ReadinessCalculator.calculate(new Input(strategistMissingPlatformMastery(), true,
                NOT_FOUNDER_LED));

        assertThat(ungated.readinessPercent()).isEqualTo(91); // (0.625 + 1 + 1 + 1) / 4
        assertThat(ungated.status()).isEqualTo(Status.EMERGING);
        assertThat(ungated.credibilityGate().applies()).isFalse();
        assertThat(ungated.credibilityGate().met()).isTrue();
        assertThat(ungated.credibilityGate().missing()).isEmpty();
        assertThat(ungated.credibilityGate().strategyWithheld()).isEmpty();
        assertThat(ungated.credibilityGate().percentWithoutRule()).isEqualTo(91);
        assertThat(ungated.credibilityGate().explanation())
                .isEqualTo("Does not apply: the organisation is not founder-led.");
    }

    @Test
    void aTeamsOwnSettingDecidesEitherWay() {
        Result teamFounderLed = ReadinessCalculator.calculate(new Input(strategistMissingPlatformMastery(), true,
                policy(FounderLed.ofTeam(true), true)));
        assertThat(teamFounderLed.readinessPercent()).isEqualTo(41);
        assertThat(teamFounderLed.credibilityGate().decidedBy()).isEqualTo("TEAM");
        assertThat(teamFounderLed.credibilityGate().explanation()).startsWith("Not met: the team is founder-led");

        Result teamNotFounderLed = ReadinessCalculator.calculate(new Input(strategistMissingPlatformMastery(), true,
                policy(FounderLed.ofTeam(false), true)));
        assertThat(teamNotFounderLed.readinessPercent()).isEqualTo(91);
        assertThat(teamNotFounderLed.credibilityGate().explanation())
                .isEqualTo("Does not apply: the team is not founder-led.");
    }

    @Test
    void aTargetThatIsNotStrategyHeavyIsNotGated() {
        Result result = ReadinessCalculator.calculate(new Input(strategistMissingPlatformMastery(), true,
                policy(FounderLed.ofOrganisation(true), false)));

        assertThat(result.readinessPercent()).isEqualTo(91);
        assertThat(result.status()).isEqualTo(Status.EMERGING);
        assertThat(result.credibilityGate().applies()).isFalse();
        assertThat(result.credibilityGate().missing()).isEmpty();
        assertThat(result.credibilityGate().explanation()).isEqualTo("Does not apply: the target level VP is not"
                + " strategy-heavy (it expects no strategy competency at proficiency 3 or more).");
    }

    @Test
    void onceCredibilityIsDemonstratedStrategyCountsAgainAndReadyIsReachable() {
        List<CompetencyInput> competencies = new java.util.ArrayList<>(strategistMissingPlatformMastery());
        competencies.set(0, competency("platform-mastery", 4, 2, null, 4, List.of(), null, evidence(1.0, 1.0)));
        Result met = ReadinessCalculator.calculate(new Input(competencies, true,
                policy(FounderLed.ofOrganisation(true), true)));

        assertThat(met.readinessPercent()).isEqualTo(100);
        assertThat(met.status()).isEqualTo(Status.READY);
        assertThat(met.credibilityGate().applies()).isTrue();
        assertThat(met.credibilityGate().met()).isTrue();
        assertThat(met.credibilityGate().missing()).isEmpty();
        assertThat(met.credibilityGate().strategyWithheld()).isEmpty();
        assertThat(met.credibilityGate().explanation()).isEqualTo("Met: the organisation is founder-led and VP is"
                + " strategy-heavy, so credibility comes before strategy, and every credibility competency is"
                + " demonstrated.");
    }

    @Test
    void credibilityCompetenciesTheTargetDoesNotExpectAreNotAskedFor() {
        Result result = ReadinessCalculator.calculate(new Input(List.of(
                competency("customer-discovery", 4, 2, null, 3, List.of(), null, evidence(1.0)),
                competency("influence", 2, 1, null, 2, List.of(), null, evidence(1.0))), true,
                policy(FounderLed.ofOrganisation(true), true)));

        assertThat(result.credibilityGate().missing()).containsExactly("customer-discovery");
        assertThat(result.credibilityGate().strategyWithheld()).isEmpty();
        assertThat(result.readinessPercent()).isEqualTo(81); // (0.625 + 1) / 2, nothing to withhold
        assertThat(result.credibilityGate().explanation()).endsWith(
                "Not yet demonstrated: customer-discovery. Until they are, readiness stays below READY and no"
                        + " strategy competency is expected here.");
    }

    @Test
    void aLevelThatExpectsNothingIsTriviallyReady() {
        Result result = ReadinessCalculator.calculate(input(true));
        assertThat(result.readinessPercent()).isEqualTo(100);
        assertThat(result.status()).isEqualTo(Status.READY);
    }
    private static ReadinessCalculator.CalibrationSignal signal(int expected, int required, Integer manager,
                                                                Evidence evidence) {
        return ReadinessCalculator.calculate(input(true,
                competency("influence", expected, required, null, manager, List.of(), null, evidence)))
                .competencies().getFirst().signal();
    }

    @Test
    void opinionOnlyIsARatingThatMeetsTheExpectationWithUnderHalfTheEvidence() {
        var opinionOnly = ReadinessCalculator.CalibrationSignal.OPINION_ONLY;
        assertThat(signal(3, 2, 3, evidence(0.999))).as("just under half").isEqualTo(opinionOnly);
        assertThat(signal(3, 2, 4, evidence())).as("no evidence at all").isEqualTo(opinionOnly);
        assertThat(signal(3, 2, 3, evidence(0.5, 0.5))).as("exactly half is not under half").isNull();
        assertThat(signal(3, 2, 3, evidence(1.5))).as("between half and required").isNull();
        assertThat(signal(3, 3, 3, evidence(1.4))).as("odd requirement, just under 1.5").isEqualTo(opinionOnly);
        assertThat(signal(3, 3, 3, evidence(1.5))).as("odd requirement, exactly 1.5").isNull();
        assertThat(signal(3, 2, 2, evidence(0.4))).as("rating below: a gap, not an opinion").isNull();
        assertThat(signal(3, 2, 3, evidence(1.0, 1.0))).as("demonstrated").isNull();
        assertThat(signal(3, 0, 3, evidence())).as("nothing required").isNull();
    }

    @Test
    void underRecognisedIsEvidenceThatMeetsTheRequirementWithoutTheRating() {
        var under = ReadinessCalculator.CalibrationSignal.UNDER_RECOGNISED;
        assertThat(signal(3, 2, 2, evidence(1.0, 1.0))).as("exactly the required strength").isEqualTo(under);
        assertThat(signal(3, 2, 2, evidence(0.7, 0.7, 0.6))).as("float noise still meets it").isEqualTo(under);
        assertThat(signal(3, 2, null, evidence(3.0))).as("nobody rated it").isEqualTo(under);
        assertThat(signal(3, 2, 2, evidence(1.0, 0.999))).as("just short of required").isNull();
        assertThat(signal(3, 2, 3, evidence(2.0))).as("rating met too: demonstrated").isNull();
        assertThat(signal(3, 0, 2, evidence())).as("nothing required proves nothing").isNull();
        assertThat(signal(3, 0, null, evidence(1.0))).as("nothing required, nobody rated").isNull();
    }

    @Test
    void withoutEvidenceThereIsNoSignal() {
        Result result = ReadinessCalculator.calculate(input(false,
                competency("influence", 3, 2, null, 4, List.of(), null, null),
                competency("customer-discovery", 3, 2, null, 1, List.of(), null, evidence(5.0))));
        assertThat(result.competencies()).extracting(ReadinessCalculator.CompetencyResult::signal)
                .containsOnlyNulls();
        assertThat(ReadinessCalculator.calculate(input(true,
                competency("influence", 3, 2, null, 3, List.of(), null, null))).competencies().getFirst().signal())
                .as("evidence-service answered nothing for the person").isEqualTo(ReadinessCalculator.CalibrationSignal.OPINION_ONLY);
    }
}
