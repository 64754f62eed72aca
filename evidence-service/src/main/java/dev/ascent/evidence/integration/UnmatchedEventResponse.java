package dev.ascent.evidence.integration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An event waiting for its user to be linked to a person. */
public record UnmatchedEventResponse(UUID eventId, String identityKind, String externalId, String eventType,
                                     String title, String kind, LocalDate occurredAt, Instant queuedAt) {
}
