package dev.ascent.evidence.vocabulary;

/** Where an evidence item came from. */
public enum EvidenceSource {
    MANUAL, GITHUB, JIRA, LINEAR, GENERIC
}
