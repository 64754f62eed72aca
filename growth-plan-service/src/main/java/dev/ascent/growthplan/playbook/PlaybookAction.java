package dev.ascent.growthplan.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One thing a person can do to build a competency: why it works, how to do it, the artefact it
 * leaves behind (something a reviewer can open: "a spec reviewed by engineering and design"), how
 * long it usually takes, which tiers it suits, optionally which levels within them, and the
 * evidence it should produce.
 *
 * <p>{@code levels} narrows {@code tiers}: when given, the action suits only people whose current
 * level is one of them (an APM and a Principal PM share the IC tier but not their next step). When
 * absent or empty, every level of the named tiers may take it. Versions published before actions
 * named an artefact have none ({@code null}); the validator requires it for every new version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaybookAction(
        String code,
        String competency,
        ActionCategory category,
        String title,
        String why,
        String how,
        String artefact,
        Integer durationDays,
        List<String> tiers,
        List<String> levels,
        List<ExpectedEvidence> evidence) {

    public boolean suits(String tier) {
        return tiers != null && tiers.contains(tier);
    }

    /**
     * This action as a framework with {@code frameworkLevels} reads it: when none of the levels it names
     * is one of the framework's (a playbook written for another framework, such as the shipped one after
     * an organisation published its own), it is taken by tier alone rather than by nobody.
     */
    public PlaybookAction forFramework(java.util.Collection<String> frameworkLevels) {
        if (levels == null || levels.isEmpty() || levels.stream().anyMatch(frameworkLevels::contains)) {
            return this;
        }
        return new PlaybookAction(code, competency, category, title, why, how, artefact, durationDays, tiers, null,
                evidence);
    }

    /**
     * Whether a person at {@code level} of {@code tier} may take this action: the tier must be one of
     * the action's, and when the action names levels, the level must be one of them.
     */
    public boolean suits(String tier, String level) {
        return suits(tier) && (levels == null || levels.isEmpty() || levels.contains(level));
    }
}
