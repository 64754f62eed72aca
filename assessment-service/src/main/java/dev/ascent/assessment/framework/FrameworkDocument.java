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
@JsonPropertyOrder({"name", "tiers", "levels", "competencies", "expectations", "leadershipCompetencies",
        "credibilityCompetencies", "strategyCompetencies"})
public record FrameworkDocument(
        @Schema(required = true) String name,
        @Schema(description = "The tiers of the career pyramid, lowest first; when an imported document has none, "
                + "the standard pyramid (IC, DIRECTOR, VP, CPO)", required = true) List<Tier> tiers,
        @Schema(required = true) List<Level> levels,
        @Schema(required = true) List<Competency> competencies,
        @Schema(required = true) Map<String, Map<String, Expectation>> expectations,
        List<String> leadershipCompetencies,
        List<String> credibilityCompetencies,
        List<String> strategyCompetencies) {

    /**
     * The standard pyramid, used when a document names no tiers: ICs master the market, directors add
     * people, VPs add strategy, CPOs add business vision.
     */
    public static final List<Tier> STANDARD_TIERS = List.of(
            new Tier("IC", "Individual contributor", Focus.MARKET),
            new Tier("DIRECTOR", "Director", Focus.PEOPLE),
            new Tier("VP", "Vice president", Focus.STRATEGY),
            new Tier("CPO", "Chief product officer", Focus.BUSINESS_VISION));

    public FrameworkDocument {
        tiers = tiers == null ? STANDARD_TIERS : tiers;
    }

    /** What a competency is mainly about; tiers weigh their own focus highest. */
    public enum Focus { MARKET, PEOPLE, STRATEGY, BUSINESS_VISION }

    /**
     * A tier of the pyramid, each adding a focus to those below it.
     *
     * @param focus the focus this tier adds; its gaps weigh most in plans for people aiming at it
     */
    @Schema(name = "FrameworkTier")
    public record Tier(@Schema(required = true) String code, @Schema(required = true) String name,
                       @Schema(required = true) Focus focus) {
    }

    /** @param tier the code of one of the document's tiers */
    @Schema(name = "FrameworkLevel")
    public record Level(@Schema(required = true) String code, @Schema(required = true) String name,
                        @Schema(required = true) String tier) {
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
     * @param evidence    the evidence strength that must back it: the weighted sum of confirmed (0.7) and
     *                    verified (1.0) items, halved for work over a year old (docs/service-contracts.md)
     */
    public record Expectation(@Schema(required = true) int proficiency, @Schema(required = true) int evidence) {
    }
}
