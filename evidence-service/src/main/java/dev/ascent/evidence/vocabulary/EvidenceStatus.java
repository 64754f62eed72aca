package dev.ascent.evidence.vocabulary;

/** suggested (from an integration) → confirmed (by its owner) → verified (by a manager), or rejected. */
public enum EvidenceStatus {
    SUGGESTED, CONFIRMED, VERIFIED, REJECTED
}
