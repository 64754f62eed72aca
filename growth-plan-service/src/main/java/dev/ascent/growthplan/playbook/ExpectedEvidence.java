package dev.ascent.growthplan.playbook;

/** Evidence an action should produce: {@code count} items of {@code kind} supporting {@code competency}. */
public record ExpectedEvidence(String kind, String competency, Integer count) {
}
