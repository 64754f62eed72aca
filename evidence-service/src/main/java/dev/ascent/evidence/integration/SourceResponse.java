package dev.ascent.evidence.integration;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** A registered tool. {@code secret} appears only in the answer to its creation, never again. */
public record SourceResponse(UUID id, SourceKind kind, String name, String webhookPath,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String secret, Instant createdAt) {

    static SourceResponse of(IntegrationSource s, String secret) {
        String path = s.kind == SourceKind.GENERIC
                ? "/api/v1/ingest/" + s.id + "/events"
                : "/api/v1/webhooks/" + s.kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + s.id;
        return new SourceResponse(s.id, s.kind, s.name, path, secret, s.createdAt);
    }
}
