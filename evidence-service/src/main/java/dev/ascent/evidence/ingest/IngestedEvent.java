package dev.ascent.evidence.ingest;

import java.util.UUID;

/** The fate of one event: its id, outcome, why (when ignored), its evidence, or that it was a redelivery. */
public record IngestedEvent(UUID eventId, Outcome outcome, String reason, UUID evidenceId, boolean duplicate) {
}
