package dev.ascent.kit.paging;

import dev.ascent.kit.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysetCursorTest {

    @Test
    void aCursorReadsBackAsItWasWritten() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T10:15:30.123456Z");
        KeysetCursor cursor = KeysetCursor.decode(KeysetCursor.after(at, id).encode());
        assertThat(cursor.createdAt()).isEqualTo(at);
        assertThat(cursor.id()).isEqualTo(id);
        // keys may hold the separator themselves: the id is after the last one
        KeysetCursor text = KeysetCursor.decode(new KeysetCursor("a|b", id).encode());
        assertThat(text.key()).isEqualTo("a|b");
        assertThat(text.id()).isEqualTo(id);
    }

    @Test
    void noCursorIsNull() {
        assertThat(KeysetCursor.decode(null)).isNull();
        assertThat(KeysetCursor.decode(" ")).isNull();
    }

    @Test
    void aTamperedCursorIsA400NamingCursor() {
        for (String bad : new String[] {"%%%", encode("no-separator"), encode("2026-01-01T00:00:00Z|not-a-uuid")}) {
            assertThatThrownBy(() -> KeysetCursor.decode(bad))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(400);
                        assertThat(p.violations()).extracting(v -> v.field()).containsExactly("cursor");
                    });
        }
        KeysetCursor notATime = KeysetCursor.decode(encode("yesterday|" + UUID.randomUUID()));
        assertThatThrownBy(notATime::createdAt).isInstanceOf(ApiProblem.class);
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
