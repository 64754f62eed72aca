package dev.ascent.evidence.ingest;

/** What became of an ingested event. */
public enum Outcome {
    /** A suggested evidence item for a linked person. */
    EVIDENCE,
    /** Acknowledged and recorded, but not evidence. */
    IGNORED,
    /** Evidence for a user nobody has linked yet; waits in the unmatched queue. */
    UNMATCHED
}
