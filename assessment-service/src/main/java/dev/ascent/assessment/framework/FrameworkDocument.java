package dev.ascent.assessment.framework;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A whole competency framework as admins import and export it (YAML or JSON). Levels are listed
 * lowest first; {@code expectations} maps level code → competency code → what that level expects.
 * Competencies a level does not list are not expected of it (proficiency 0). What the validator
 * insists on is marked required in the OpenAPI document, so generated clients need no null checks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "levels", "competencies", "expectations", "leadershipCompetencies",
        "credibilityCompetencies", "strategyCompetencies"})
public record FrameworkDocument(
        @Schema(required = true) String name,
        @Schema(required = true) List<Level> levels,
        @Schema(required = true) List<Competency> competencies,
        @Schema(required = true) Map<String, Map<String, Expectation>> expectations,
        List<String> leadershipCompetencies,
        List<String> credibilityCompetencies,
        List<String> strategyCompetencies) {

    /** The career pyramid's tiers, each adding a focus to those below it. */
    public enum Tier { IC, DIRECTOR, VP, CPO }

    /** What a competency is mainly about; tiers weigh their own focus highest. */
    public enum Focus { MARKET, PEOPLE, STRATEGY, BUSINESS_VISION }

    @Schema(name = "FrameworkLevel")
    public record Level(@Schema(required = true) String code, @Schema(required = true) String name,
                        @Schema(required = true) Tier tier) {
    }

    /** @param behaviours observable behaviours per proficiency 1–5 */
    // named apart from growth-plan-service's Competency, which the gateway's merged document already has
    @Schema(name = "FrameworkCompetency")
    @JsonPropertyOrder({"code", "name", "focus", "description", "behaviours"})
    public record Competency(@Schema(required = true) String code, @Schema(required = true) String name,
                             @Schema(required = true) Focus focus, @Schema(required = true) String description,
                             @Schema(required = true) Map<Integer, List<String>> behaviours) {
    }

    /**
     * @param proficiency the rating (0–5) a person at this level demonstrates now
     * @param evidence    how many confirmed evidence items must back it
     */
    public record Expectation(@Schema(required = true) int proficiency, @Schema(required = true) int evidence) {
    }
}
