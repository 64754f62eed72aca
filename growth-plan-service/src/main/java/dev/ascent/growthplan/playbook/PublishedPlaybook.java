package dev.ascent.growthplan.playbook;

/** A playbook document together with the version number it was published as. */
public record PublishedPlaybook(int version, PlaybookDocument document) {
}
