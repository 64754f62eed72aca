package dev.ascent.evidence.paging;

import dev.ascent.evidence.problem.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Position after the last row of a page ordered by (a sort key, id). The sort key is kept as its
 * text form; encoded as URL-safe base64 so clients treat it as opaque. A tampered cursor is a
 * 400 naming {@code cursor}.
 */
public record KeysetCursor(String key, UUID id) {

    public String encode() {
        String raw = key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static KeysetCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.lastIndexOf('|');
            return new KeysetCursor(raw.substring(0, bar), UUID.fromString(raw.substring(bar + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    public static ApiProblem invalid() {
        return ApiProblem.invalidField("cursor", "is not a cursor this service issued");
    }
}
