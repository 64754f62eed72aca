package dev.ascent.evidence.log;

import dev.ascent.evidence.vocabulary.EvidenceStatus;

import java.time.Instant;
import java.util.UUID;

public record StatusChangeResponse(EvidenceStatus from, EvidenceStatus to, UUID actorId, String reason, Instant at) {

    static StatusChangeResponse of(StatusChange c) {
        return new StatusChangeResponse(c.fromStatus, c.toStatus, c.actorId, c.reason, c.changedAt);
    }
}
