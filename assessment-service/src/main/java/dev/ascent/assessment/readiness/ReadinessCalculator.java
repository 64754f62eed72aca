package dev.ascent.assessment.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides how ready someone is for a target level, competency by competency, and explains why.
 *
 * <p>The rules, in the product's words: <em>prove it before the title</em>. A competency is
 * {@link Verdict#DEMONSTRATED} when the effective rating meets the target level's expectation
 * <strong>and</strong> the weighted confirmed evidence meets the number of items the expectation
 * asks for. Ratings alone are opinion, evidence alone is volume.
 * <ul>
 *   <li><b>Effective rating</b>: the calibrated rating when there is one, else the latest manager
 *       rating, else the mean of the peers' ratings. A self-rating is shown but never counts on its
 *       own: nobody demonstrates a competency by saying so.</li>
 *   <li><b>Evidence strength</b>: the sum of the evidence weights evidence-service assigns
 *       (verification × recency; stale items weigh 0).</li>
 *   <li><b>Score</b> of a competency: the mean of min(1, rating ÷ expected) and
 *       min(1, strength ÷ required); the readiness percentage is the mean score over the expected
 *       competencies. When evidence is unavailable the score is the rating part alone.</li>
 *   <li><b>Status</b>: {@code READY} when every expected competency is demonstrated;
 *       {@code EMERGING} from {@value #EMERGING_FROM_PERCENT}%; otherwise {@code NOT_READY}. Without
 *       evidence nobody is {@code READY}.</li>
 *   <li><b>Credibility before strategy</b> ({@link ReadinessPolicy#credibilityBeforeStrategy()}): in a
 *       founder-led organisation or team, for a strategy-heavy target, the strategy competencies earn
 *       no credit (their score counts as 0 in the percentage) until every credibility competency the
 *       target expects is demonstrated. The percentage is held down by exactly that credit, the
 *       status follows the held-down percentage, and it cannot be {@code READY} while a credibility
 *       competency is undemonstrated. The answer names the missing competencies and the percentage
 *       without the rule; when the rule does not apply it says why.</li>
 *   <li><b>Leadership readiness</b>: how many of the leadership competencies (platform mastery,
 *       customer-facing effectiveness, cross-team relationships in the default framework) are
 *       demonstrated.</li>
 *   <li><b>Calibration signals</b> ({@link CalibrationSignal}), only when evidence is available and the
 *       expectation asks for evidence (required &gt; 0), strengths compared in millionths like the
 *       evidence test above: {@code OPINION_ONLY} when the effective rating meets the expectation but
 *       the evidence strength is below half of what is required (exactly half is not);
 *       {@code UNDER_RECOGNISED} when the evidence meets what is required but the effective rating is
 *       below the expectation or missing. Neither: {@code null}. They point a calibration meeting at
 *       ratings that the evidence contradicts; they change no score.</li>
 * </ul>
 * Pure: no I/O, no clock, no framework; the same input always gives the same answer.
 */
public final class ReadinessCalculator {

    public static final int EMERGING_FROM_PERCENT = 60;

    public enum Verdict { DEMONSTRATED, RATING_GAP, EVIDENCE_GAP, BOTH_GAPS, EVIDENCE_UNAVAILABLE }

    public enum Status { NOT_READY, EMERGING, READY }

    /** Where a rating and the evidence disagree (see the class comment). */
    public enum CalibrationSignal { OPINION_ONLY, UNDER_RECOGNISED }

    /**
     * One piece of evidence as evidence-service weighed it.
     *
     * @param links      where the work itself is (a promotion case cites them)
     * @param verifiedBy the person who verified it, {@code null} unless verified
     */
    public record EvidenceItem(String id, String title, String kind, String status, String occurredAt, double weight,
                               List<String> links, String verifiedBy) {
    }

    /**
     * What is known about one expected competency.
     *
     * @param peerRatings the latest rating of each peer who assessed it
     * @param evidence    {@code null} when evidence-service could not be asked
     */
    public record CompetencyInput(String competency, String name, String focus, int expected, int evidenceRequired,
                                  Integer selfRating, Integer managerRating, List<Integer> peerRatings,
                                  Integer calibratedRating, Evidence evidence) {
    }

    public record Evidence(double weightedStrength, List<EvidenceItem> items) {
    }

    /**
     * @param evidenceAvailable whether evidence-service answered (a fact about this call, not a rule)
     * @param policy            every rule that depends on settings or the framework
     */
    public record Input(List<CompetencyInput> competencies, boolean evidenceAvailable, ReadinessPolicy policy) {
    }

    public record CompetencyResult(String competency, String name, String focus, int expected, int evidenceRequired,
                                   Integer selfRating, Integer managerRating, Double peerRating,
                                   Integer calibratedRating, Double effectiveRating, double ratingGap,
                                   Double evidenceStrength, Double evidenceGap, Verdict verdict,
                                   List<EvidenceItem> evidence, CalibrationSignal signal) {
    }

    public record Leadership(int demonstrated, int of, List<String> competencies, List<String> missing) {
    }

    /**
     * Credibility before strategy, as it bears on this answer.
     *
     * @param applies            founder-led (organisation or team) and the target is strategy-heavy
     * @param met                every credibility competency the target expects is demonstrated (true when
     *                           the rule does not apply)
     * @param decidedBy          whose founder-led setting applied: {@code ORGANISATION} or {@code TEAM}
     * @param missing            the credibility competencies not yet demonstrated (empty unless it applies)
     * @param strategyWithheld   the strategy competencies whose credit is withheld (empty unless held)
     * @param percentWithoutRule what the readiness percentage would be without the rule
     * @param explanation        the rule's effect, or why it does not apply, in plain words
     */
    public record CredibilityGate(boolean applies, boolean met, String decidedBy, List<String> missing,
                                  List<String> strategyWithheld, int percentWithoutRule, String explanation) {
    }

    public record Result(int readinessPercent, Status status, List<CompetencyResult> competencies,
                         Leadership leadership, CredibilityGate credibilityGate) {
    }

    private ReadinessCalculator() {
    }

    public static Result calculate(Input input) {
        ReadinessPolicy policy = input.policy();
        List<CompetencyResult> results = new ArrayList<>();
        for (CompetencyInput c : input.competencies()) {
            results.add(competency(c, input.evidenceAvailable()));
        }
        Map<String, CompetencyResult> byCode = results.stream()
                .collect(Collectors.toMap(CompetencyResult::competency, Function.identity()));

        List<String> credibilityMissing = policy.credibilityCompetencies().stream()
                .filter(byCode::containsKey)
                .filter(code -> byCode.get(code).verdict() != Verdict.DEMONSTRATED)
                .toList();
        boolean gateApplies = policy.credibilityBeforeStrategy();
        List<String> withheld = gateApplies && !credibilityMissing.isEmpty()
                ? policy.strategyCompetencies().stream().filter(byCode::containsKey).toList()
                : List.of();

        double scoreSum = 0;
        double withheldSum = 0;
        for (CompetencyResult r : results) {
            double score = score(r, input.evidenceAvailable());
            scoreSum += score;
            if (withheld.contains(r.competency())) {
                withheldSum += score;
            }
        }
        int percentWithoutRule = percent(scoreSum, results.size());
        int percent = percent(scoreSum - withheldSum, results.size());

        // A missing credibility competency is an expected one not demonstrated, so the gate also keeps
        // the status below READY through this condition.
        boolean allDemonstrated = results.stream().allMatch(r -> r.verdict() == Verdict.DEMONSTRATED);
        Status status = allDemonstrated && input.evidenceAvailable() ? Status.READY
                : percent >= EMERGING_FROM_PERCENT ? Status.EMERGING : Status.NOT_READY;

        CredibilityGate gate = new CredibilityGate(gateApplies, credibilityMissing.isEmpty() || !gateApplies,
                policy.founderLed().decidedBy().name(), gateApplies ? credibilityMissing : List.of(), withheld,
                percentWithoutRule, explain(policy, byCode, credibilityMissing, withheld, percentWithoutRule, percent));

        List<String> leadershipMissing = policy.leadershipCompetencies().stream()
                .filter(code -> !byCode.containsKey(code) || byCode.get(code).verdict() != Verdict.DEMONSTRATED)
                .toList();
        Leadership leadership = new Leadership(policy.leadershipCompetencies().size() - leadershipMissing.size(),
                policy.leadershipCompetencies().size(), policy.leadershipCompetencies(), leadershipMissing);
        return new Result(percent, status, results, leadership, gate);
    }

    private static int percent(double scoreSum, int count) {
        return count == 0 ? 100 : (int) Math.round(100 * scoreSum / count);
    }

    private static String explain(ReadinessPolicy policy, Map<String, CompetencyResult> byCode, List<String> missing,
                                  List<String> withheld, int percentWithoutRule, int percent) {
        String notApplying = policy.whyCredibilityRuleDoesNotApply();
        if (notApplying != null) {
            return notApplying;
        }
        String founders = policy.founderLed().whose() + " is founder-led and " + policy.targetLevel()
                + " is strategy-heavy, so credibility comes before strategy";
        if (missing.isEmpty()) {
            return "Met: " + founders + ", and every credibility competency is demonstrated.";
        }
        return "Not met: " + founders + ". Not yet demonstrated: " + names(missing, byCode)
                + ". Until they are, readiness stays below READY and "
                + (withheld.isEmpty() ? "no strategy competency is expected here"
                : names(withheld, byCode) + " earn no credit: " + percent + "% instead of " + percentWithoutRule + "%")
                + ".";
    }

    private static String names(List<String> codes, Map<String, CompetencyResult> byCode) {
        return codes.stream().map(code -> byCode.get(code).name()).collect(Collectors.joining(", "));
    }

    static Double effectiveRating(CompetencyInput c) {
        if (c.calibratedRating() != null) {
            return c.calibratedRating().doubleValue();
        }
        if (c.managerRating() != null) {
            return c.managerRating().doubleValue();
        }
        return peerMean(c.peerRatings());
    }

    private static CompetencyResult competency(CompetencyInput c, boolean evidenceAvailable) {
        Double effective = effectiveRating(c);
        double ratingGap = round1(Math.max(0, c.expected() - (effective == null ? 0 : effective)));
        boolean ratingMet = effective != null && effective >= c.expected();
        Double strength = null;
        Double evidenceGap = null;
        boolean evidenceMet = false;
        CalibrationSignal signal = null;
        List<EvidenceItem> items = List.of();
        if (evidenceAvailable) {
            Evidence evidence = c.evidence() == null ? new Evidence(0, List.of()) : c.evidence();
            strength = round1(evidence.weightedStrength());
            evidenceGap = round1(Math.max(0, c.evidenceRequired() - evidence.weightedStrength()));
            // compared in millionths: weights are sums of products (0.7 + 0.7 + 0.6) and float noise must not miss
            long strengthMillionths = Math.round(evidence.weightedStrength() * 1_000_000);
            evidenceMet = strengthMillionths >= c.evidenceRequired() * 1_000_000L;
            items = evidence.items();
            signal = signal(c.evidenceRequired(), ratingMet, evidenceMet, strengthMillionths);
        }
        Verdict verdict;
        if (!evidenceAvailable) {
            verdict = ratingMet ? Verdict.EVIDENCE_UNAVAILABLE : Verdict.RATING_GAP;
        } else if (ratingMet && evidenceMet) {
            verdict = Verdict.DEMONSTRATED;
        } else if (ratingMet) {
            verdict = Verdict.EVIDENCE_GAP;
        } else if (evidenceMet) {
            verdict = Verdict.RATING_GAP;
        } else {
            verdict = Verdict.BOTH_GAPS;
        }
        Double peer = peerMean(c.peerRatings());
        return new CompetencyResult(c.competency(), c.name(), c.focus(), c.expected(), c.evidenceRequired(),
                c.selfRating(), c.managerRating(), peer == null ? null : round1(peer), c.calibratedRating(),
                effective == null ? null : round1(effective), ratingGap, strength, evidenceGap, verdict, items, signal);
    }

    private static CalibrationSignal signal(int required, boolean ratingMet, boolean evidenceMet, long strengthMillionths) {
        if (required <= 0) {
            return null; // nothing to contradict a rating with
        }
        if (ratingMet && strengthMillionths * 2 < required * 1_000_000L) {
            return CalibrationSignal.OPINION_ONLY;
        }
        if (evidenceMet && !ratingMet) {
            return CalibrationSignal.UNDER_RECOGNISED;
        }
        return null;
    }

    private static double score(CompetencyResult r, boolean evidenceAvailable) {
        double rating = r.effectiveRating() == null ? 0 : Math.min(1, r.effectiveRating() / r.expected());
        if (!evidenceAvailable) {
            return rating;
        }
        double evidence = r.evidenceRequired() == 0 ? 1 : Math.min(1, r.evidenceStrength() / r.evidenceRequired());
        return (rating + evidence) / 2;
    }

    private static Double peerMean(List<Integer> peers) {
        return peers == null || peers.isEmpty() ? null
                : peers.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
