package dev.ascent.evidence.integration;

import java.time.Instant;
import java.util.UUID;

/** {@code releasedEvents}: queued (unmatched) events that became suggested evidence through this link. */
public record IdentityLinkResponse(UUID id, UUID sourceId, IdentityKind identityKind, String externalId, UUID personId,
                                   Instant createdAt, Integer releasedEvents) {

    static IdentityLinkResponse of(IdentityLink l, Integer released) {
        return new IdentityLinkResponse(l.id, l.sourceId, l.identityKind, l.externalId, l.personId, l.createdAt, released);
    }
}
