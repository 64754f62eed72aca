package dev.ascent.growthplan.plan;

import dev.ascent.growthplan.playbook.ActionCategory;
import dev.ascent.growthplan.playbook.PlaybookAction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

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
 *   <li><b>Focus.</b> Walking down the ranking, a competency becomes a focus when the playbook has
 *       at least one action suiting the person's <em>current</em> tier; otherwise it is reported as
 *       uncovered and does not use up a place. At most {@link Settings#maxFocusCompetencies()}.</li>
 *   <li><b>Actions.</b> For each focus competency, the first {@link Settings#actionsPerCompetency()}
 *       suitable actions in playbook order.</li>
 *   <li><b>Order.</b> By focus rank, then playbook order. When the organisation is founder-led,
 *       every credibility action comes before every strategy action (each group keeping that order):
 *       credibility before strategy.</li>
 *   <li><b>Due dates.</b> Actions run one after another from {@code startsOn}, each taking its
 *       typical duration. If the total exceeds the horizon, every end day is scaled by
 *       {@code horizon / total} and rounded up, so the last action is due exactly at the horizon
 *       and no action is due after it. A due date is never before {@code startsOn + 1}.</li>
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
    public record Request(String personTier, String targetFocus, boolean founderLed, List<String> credibilityMissing,
                          List<Gap> gaps, LocalDate startsOn, int horizonDays) {
        public Request {
            Objects.requireNonNull(personTier, "personTier");
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
     * cannot serve for this tier. {@code actions} is empty when there is nothing to work on.
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
        List<PlaybookAction> chosen = new ArrayList<>();
        for (Gap gap : ranked) {
            if (focus.size() == settings.maxFocusCompetencies()) {
                break;
            }
            List<PlaybookAction> suitable = playbook.stream()
                    .filter(a -> a.competency().equals(gap.competency()) && a.suits(request.personTier()))
                    .limit(settings.actionsPerCompetency())
                    .toList();
            if (suitable.isEmpty()) {
                uncovered.add(gap.competency());
                continue;
            }
            focus.add(new Focus(gap.competency(), score(gap, request.targetFocus()), focus.size() + 1));
            chosen.addAll(suitable);
        }

        if (request.founderLed()) {
            List<PlaybookAction> credibilityFirst = new ArrayList<>();
            chosen.stream().filter(a -> a.category() == ActionCategory.CREDIBILITY).forEach(credibilityFirst::add);
            chosen.stream().filter(a -> a.category() != ActionCategory.CREDIBILITY).forEach(credibilityFirst::add);
            chosen = credibilityFirst;
        }

        return new GeneratedPlan(List.copyOf(focus), List.copyOf(uncovered),
                schedule(chosen, request.startsOn(), request.horizonDays()),
                request.startsOn().plusDays(request.horizonDays()));
    }

    private double score(Gap gap, String targetFocus) {
        double weight = Objects.equals(targetFocus, gap.focus()) ? settings.targetFocusWeight() : 1.0;
        return rawGap(gap) * weight;
    }

    private static double rawGap(Gap gap) {
        return Math.max(0, gap.ratingGap()) + Math.max(0, gap.evidenceGap());
    }

    private static List<PlannedAction> schedule(List<PlaybookAction> actions, LocalDate startsOn, int horizonDays) {
        long total = actions.stream().mapToLong(a -> Math.max(1, a.durationDays())).sum();
        List<PlannedAction> planned = new ArrayList<>();
        long end = 0;
        for (PlaybookAction action : actions) {
            end += Math.max(1, action.durationDays());
            // scaled only when the work overruns the horizon: otherwise the scaled day is never before the end day
            long day = Math.min(end, ceilDiv(end * horizonDays, total));
            planned.add(new PlannedAction(planned.size(), action, startsOn.plusDays(Math.max(1, day))));
        }
        return List.copyOf(planned);
    }

    private static long ceilDiv(long a, long b) {
        return Math.floorDiv(a + b - 1, b);
    }
}
