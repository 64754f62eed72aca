package dev.ascent.growthplan.playbook;

import java.util.List;

/**
 * One thing a person can do to build a competency: why it works, how to do it, how long it
 * usually takes, which tiers it suits, and the evidence it should leave behind.
 */
public record PlaybookAction(
        String code,
        String competency,
        ActionCategory category,
        String title,
        String why,
        String how,
        Integer durationDays,
        List<String> tiers,
        List<ExpectedEvidence> evidence) {

    public boolean suits(String tier) {
        return tiers != null && tiers.contains(tier);
    }
}
