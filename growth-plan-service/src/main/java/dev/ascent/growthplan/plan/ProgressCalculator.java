package dev.ascent.growthplan.plan;

import dev.ascent.growthplan.playbook.ExpectedEvidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a plan's progress from evidence counts: nobody ticks actions by hand.
 *
 * <p>Counts (confirmed or verified evidence since the plan started, per kind and competency, and per
 * kind, competency and tag for the tags the plan's actions ask for) are handed out to actions in plan
 * order, so one piece of evidence advances one action only. Evidence matches an expected item when
 * kind and competency agree and, when the item names a {@code tag}, the evidence carries that tag
 * (evidence-service matches it as a whole word in the title, summary or links): closing any ticket
 * does not complete an action that asks for a reviewed spec. Tagged items are served first, from
 * the tagged counts, and what they take is also taken from the kind and competency's count, so the
 * same item cannot then advance an untagged action too. An action is done when every piece of
 * evidence it expects is matched. The plan's percentage is matched evidence over expected evidence,
 * rounded down; a plan that expects nothing is at 0.
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
     * @param counts  available evidence per {@link #key(String, String)} and, for tagged items, per
     *                {@link #key(String, String, String)}
     */
    public static Progress compute(List<List<ExpectedEvidence>> actions, Map<String, Integer> counts) {
        Map<String, Integer> left = new HashMap<>(counts);
        int[][] taken = new int[actions.size()][];
        for (boolean tagged : new boolean[] {true, false}) {
            for (int a = 0; a < actions.size(); a++) {
                List<ExpectedEvidence> action = actions.get(a);
                if (taken[a] == null) {
                    taken[a] = new int[action.size()];
                }
                for (int i = 0; i < action.size(); i++) {
                    ExpectedEvidence item = action.get(i);
                    if ((item.tag() != null) == tagged) {
                        String untagged = key(item.kind(), item.competency());
                        String key = tagged ? key(item.kind(), item.competency(), item.tag()) : untagged;
                        int take = Math.min(Math.min(left.getOrDefault(key, 0), left.getOrDefault(untagged, 0)),
                                item.count());
                        left.merge(key, -take, Integer::sum);
                        if (tagged) {
                            left.merge(untagged, -take, Integer::sum);
                        }
                        taken[a][i] = take;
                    }
                }
            }
        }
        List<ActionProgress> result = new ArrayList<>();
        long expected = 0;
        long matched = 0;
        int done = 0;
        for (int a = 0; a < actions.size(); a++) {
            List<ItemProgress> items = new ArrayList<>();
            boolean complete = true;
            for (int i = 0; i < actions.get(a).size(); i++) {
                ExpectedEvidence item = actions.get(a).get(i);
                int take = taken[a][i];
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

    /** The count of evidence of a kind and competency that carries {@code tag}. */
    public static String key(String kind, String competency, String tag) {
        return kind + "|" + competency + "|" + tag;
    }
}
