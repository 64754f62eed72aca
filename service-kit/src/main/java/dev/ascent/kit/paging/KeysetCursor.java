package dev.ascent.kit.paging;

import dev.ascent.kit.problem.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Position after the last row of a page ordered by (a sort key, id). The sort key is kept as its
 * text form (often a creation time); the whole is URL-safe base64 so clients treat it as opaque. A
 * tampered cursor is a 400 naming {@code cursor}.
 */
public record KeysetCursor(String key, UUID id) {

    public static KeysetCursor after(Instant createdAt, UUID id) {
        return new KeysetCursor(createdAt.toString(), id);
    }

    public String encode() {
        String raw = key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent, or null when it sent none. */
    public static KeysetCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.lastIndexOf('|');
            return new KeysetCursor(raw.substring(0, bar), UUID.fromString(raw.substring(bar + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    /** The sort key read as the creation time it was made from. */
    public Instant createdAt() {
        try {
            return Instant.parse(key);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    public static ApiProblem invalid() {
        return ApiProblem.invalidField("cursor", "is not a cursor this service issued");
    }
}
