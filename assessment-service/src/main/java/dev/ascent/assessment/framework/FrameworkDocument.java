package dev.ascent.assessment.framework;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * A whole competency framework as admins import and export it (YAML or JSON). Levels are listed
 * lowest first; {@code expectations} maps level code → competency code → what that level expects.
 * Competencies a level does not list are not expected of it (proficiency 0).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "levels", "competencies", "expectations", "leadershipCompetencies",
        "credibilityCompetencies", "strategyCompetencies"})
public record FrameworkDocument(
        String name,
        List<Level> levels,
        List<Competency> competencies,
        Map<String, Map<String, Expectation>> expectations,
        List<String> leadershipCompetencies,
        List<String> credibilityCompetencies,
        List<String> strategyCompetencies) {

    /** The career pyramid's tiers, each adding a focus to those below it. */
    public enum Tier { IC, DIRECTOR, VP, CPO }

    /** What a competency is mainly about; tiers weigh their own focus highest. */
    public enum Focus { MARKET, PEOPLE, STRATEGY, BUSINESS_VISION }

    public record Level(String code, String name, Tier tier) {
    }

    /** @param behaviours observable behaviours per proficiency 1–5 */
    @JsonPropertyOrder({"code", "name", "focus", "description", "behaviours"})
    public record Competency(String code, String name, Focus focus, String description,
                             Map<Integer, List<String>> behaviours) {
    }

    /**
     * @param proficiency the rating (0–5) a person at this level demonstrates now
     * @param evidence    how many confirmed evidence items must back it
     */
    public record Expectation(int proficiency, int evidence) {
    }
}
