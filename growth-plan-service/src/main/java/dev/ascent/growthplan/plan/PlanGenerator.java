package dev.ascent.growthplan.plan;

import dev.ascent.growthplan.playbook.ActionCategory;
import dev.ascent.growthplan.playbook.PlaybookAction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Turns readiness gaps into an ordered, dated list of playbook actions. Pure and deterministic:
 * the same request and playbook always give the same plan; no clock, no randomness, no I/O.
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li><b>Gaps.</b> A competency has a gap when it is not demonstrated and its
 *       {@code ratingGap + evidenceGap} (negative parts count as zero) is above zero.</li>
 *   <li><b>Weighting.</b> A gap's score is that sum, multiplied by
 *       {@link Settings#targetFocusWeight()} when the competency belongs to the focus the target
 *       tier adds to the pyramid, as the framework's tiers say (in the default one IC: market,
 *       Director: people, VP: strategy, CPO: business vision).</li>
 *   <li><b>Ranking.</b> Highest score first; ties go to the larger rating gap, then to the
 *       competency code in alphabetical order. <b>Credibility before strategy:</b> in a founder-led
 *       plan, the credibility competencies readiness names as missing
 *       ({@link Request#credibilityMissing()}) rank above every other gap, however large, since
 *       readiness gives strategy no credit until they are demonstrated.</li>
 *   <li><b>Suitable actions.</b> An action suits a person when it names their <em>current</em> tier and,
 *       if it names levels, their current level (an APM and a Principal PM share a tier, not their next
 *       step), and when its typical duration fits the horizon: an action longer than the horizon is
 *       never chosen, because it could only be finished by squeezing it.</li>
 *   <li><b>Focus.</b> Walking down the ranking, a competency becomes a focus when the playbook has at
 *       least one suitable action for it; otherwise it is reported as uncovered (no action for this
 *       tier and level that fits the horizon) and does not use up a place. At most
 *       {@link Settings#maxFocusCompetencies()}.</li>
 *   <li><b>Tracks.</b> Each focus competency is a track of its own and the tracks run side by side,
 *       so a person works on at most {@link Settings#maxFocusCompetencies()} actions at a time. Within
 *       a track, actions run one after another, each taking its full typical duration: nothing is
 *       ever compressed. When the organisation is founder-led, the plan has two phases: every
 *       credibility action (tracks side by side from {@code startsOn}), then, from the day the last
 *       credibility action is due, every other action: credibility before strategy.</li>
 *   <li><b>Fitting the horizon (fewer actions, never a longer plan).</b> Walking a track's suitable
 *       actions in playbook order, an action is taken when it would be due on or before the horizon;
 *       one that would end after it is left out and the next, shorter one is tried, until
 *       {@link Settings#actionsPerCompetency()} are taken. So no action is due after the horizon,
 *       every due date is the action's start plus its typical duration, and the plan ends at
 *       {@code startsOn + horizonDays}, always. A focus whose actions all come too late (only possible
 *       in a founder-led plan's second phase) keeps its place without actions.</li>
 *   <li><b>Order.</b> Positions follow phase, then focus rank, then playbook order.</li>
 * </ol>
 */
public final class PlanGenerator {

    /** Tunables, from configuration. */
    public record Settings(int maxFocusCompetencies, int actionsPerCompetency, double targetFocusWeight) {
        public Settings {
            if (maxFocusCompetencies < 1 || actionsPerCompetency < 1 || targetFocusWeight < 1.0) {
                throw new IllegalArgumentException("focus and actions must be at least 1, the weight at least 1.0");
            }
        }
    }

    /** How far a person is from one competency's expectation at the target level. */
    public record Gap(String competency, String focus, double ratingGap, double evidenceGap, boolean demonstrated) {
    }

    /**
     * Everything a plan depends on besides the playbook.
     *
     * @param targetFocus        the focus the target level's tier adds to the pyramid (the framework says which);
     *                           gaps in it weigh more
     * @param credibilityMissing the credibility competencies readiness's credibility gate names as not yet
     *                           demonstrated (empty when the gate does not apply); they lead a founder-led plan
     */
    public record Request(String personTier, String personLevel, String targetFocus, boolean founderLed, List<String> credibilityMissing,
                          List<Gap> gaps, LocalDate startsOn, int horizonDays) {
        public Request {
            Objects.requireNonNull(personTier, "personTier");
            Objects.requireNonNull(personLevel, "personLevel");
            Objects.requireNonNull(startsOn, "startsOn");
            credibilityMissing = List.copyOf(credibilityMissing);
            gaps = List.copyOf(gaps);
            if (horizonDays < 1) {
                throw new IllegalArgumentException("horizonDays must be at least 1");
            }
        }
    }

    /** A competency the plan works on, with its weighted gap score and rank (1 = biggest). */
    public record Focus(String competency, double score, int rank) {
    }

    /** One step of the plan. {@code position} starts at 0. */
    public record PlannedAction(int position, PlaybookAction action, LocalDate dueOn) {
    }

    /**
     * The result. {@code uncovered} lists gapped competencies (in rank order) that the playbook
     * cannot serve for this tier and level within the horizon. {@code actions} is empty when there is nothing to work on.
     */
    public record GeneratedPlan(List<Focus> focus, List<String> uncovered, List<PlannedAction> actions,
                                LocalDate endsOn) {
    }

    private final Settings settings;

    public PlanGenerator(Settings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    public GeneratedPlan generate(Request request, List<PlaybookAction> playbook) {
        List<String> missingCredibility = request.founderLed() ? request.credibilityMissing() : List.of();
        List<Gap> ranked = request.gaps().stream()
                .filter(g -> !g.demonstrated() && rawGap(g) > 0)
                .sorted(Comparator.comparing((Gap g) -> !missingCredibility.contains(g.competency()))
                        .thenComparing(Comparator.comparingDouble((Gap g) -> score(g, request.targetFocus())).reversed())
                        .thenComparing(Comparator.comparingDouble((Gap g) -> Math.max(0, g.ratingGap())).reversed())
                        .thenComparing(Gap::competency))
                .toList();

        List<Focus> focus = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        List<List<PlaybookAction>> tracks = new ArrayList<>();
        for (Gap gap : ranked) {
            if (focus.size() == settings.maxFocusCompetencies()) {
                break;
            }
            List<PlaybookAction> suitable = playbook.stream()
                    .filter(a -> a.competency().equals(gap.competency())
                            && a.suits(request.personTier(), request.personLevel())
                            && a.durationDays() <= request.horizonDays())
                    .toList();
            if (suitable.isEmpty()) {
                uncovered.add(gap.competency());
                continue;
            }
            focus.add(new Focus(gap.competency(), score(gap, request.targetFocus()), focus.size() + 1));
            tracks.add(suitable);
        }

        List<Predicate<PlaybookAction>> phases = request.founderLed()
                ? List.of(a -> a.category() == ActionCategory.CREDIBILITY, a -> a.category() != ActionCategory.CREDIBILITY)
                : List.of(a -> true);
        List<PlannedAction> planned = new ArrayList<>();
        int[] taken = new int[tracks.size()];
        int phaseStart = 0;
        for (Predicate<PlaybookAction> phase : phases) {
            int phaseEnd = phaseStart;
            for (int t = 0; t < tracks.size(); t++) {
                int end = phaseStart;
                for (PlaybookAction action : tracks.get(t)) {
                    if (taken[t] == settings.actionsPerCompetency()) {
                        break;
                    }
                    if (phase.test(action) && end + action.durationDays() <= request.horizonDays()) {
                        end += action.durationDays();
                        taken[t]++;
                        planned.add(new PlannedAction(planned.size(), action, request.startsOn().plusDays(end)));
                    }
                }
                phaseEnd = Math.max(phaseEnd, end);
            }
            phaseStart = phaseEnd;
        }

        return new GeneratedPlan(List.copyOf(focus), List.copyOf(uncovered), List.copyOf(planned),
                request.startsOn().plusDays(request.horizonDays()));
    }

    private double score(Gap gap, String targetFocus) {
        double weight = Objects.equals(targetFocus, gap.focus()) ? settings.targetFocusWeight() : 1.0;
        return rawGap(gap) * weight;
    }

    private static double rawGap(Gap gap) {
        return Math.max(0, gap.ratingGap()) + Math.max(0, gap.evidenceGap());
    }
}
