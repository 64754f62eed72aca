package dev.ascent.growthplan.plan;

import dev.ascent.growthplan.playbook.ExpectedEvidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a plan's progress from evidence counts: nobody ticks actions by hand.
 *
 * <p>Counts (confirmed or verified evidence since the plan started, per kind and competency) are
 * handed out to actions in plan order, so one piece of evidence advances one action only. An
 * action is done when every piece of evidence it expects is matched. The plan's percentage is
 * matched evidence over expected evidence, rounded down; a plan that expects nothing is at 0.
 */
public final class ProgressCalculator {

    /** How much of one expected item is matched. */
    public record ItemProgress(ExpectedEvidence expected, int matched) {
    }

    public record ActionProgress(List<ItemProgress> items, boolean done) {
    }

    public record Progress(List<ActionProgress> actions, int actionsDone, int actionsTotal, int percent) {
    }

    private ProgressCalculator() {
    }

    /**
     * @param actions each action's expected evidence, in plan order
     * @param counts  available evidence per {@code kind + "|" + competency}
     */
    public static Progress compute(List<List<ExpectedEvidence>> actions, Map<String, Integer> counts) {
        Map<String, Integer> left = new HashMap<>(counts);
        List<ActionProgress> result = new ArrayList<>();
        long expected = 0;
        long matched = 0;
        int done = 0;
        for (List<ExpectedEvidence> action : actions) {
            List<ItemProgress> items = new ArrayList<>();
            boolean complete = true;
            for (ExpectedEvidence item : action) {
                String key = key(item.kind(), item.competency());
                int available = left.getOrDefault(key, 0);
                int take = Math.min(available, item.count());
                left.put(key, available - take);
                items.add(new ItemProgress(item, take));
                expected += item.count();
                matched += take;
                complete &= take == item.count();
            }
            if (complete) {
                done++;
            }
            result.add(new ActionProgress(List.copyOf(items), complete));
        }
        int percent = expected == 0 ? 0 : (int) (matched * 100 / expected);
        return new Progress(List.copyOf(result), done, actions.size(), percent);
    }

    public static String key(String kind, String competency) {
        return kind + "|" + competency;
    }
}
