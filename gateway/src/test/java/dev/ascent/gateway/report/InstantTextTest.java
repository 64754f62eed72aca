package dev.ascent.gateway.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast reading of an instant answers what {@code Instant.parse} answers, and refuses what it refuses. */
class InstantTextTest {

    @Test
    void readsWhatInstantToStringWritesAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            assertThat(InstantText.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void agreesWithInstantParseAtTheEdges() {
        for (String text : List.of("2026-11-30T10:15:30Z", "2026-11-30T10:15:30.1Z", "2026-11-30T10:15:30.123456789Z",
                "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.9Z",
                "2026-12-31T23:59:60Z", "2026-11-30T24:00:00Z", "+12026-11-30T10:15:30Z", "2026-11-30T10:15:30.Z",
                "2026-11-30t10:15:30z", "2026-11-30T10:15:30+01:00")) {
            Object expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException e) {
                expected = DateTimeParseException.class;
            }
            Object read;
            try {
                read = InstantText.parse(text);
            } catch (DateTimeParseException e) {
                read = DateTimeParseException.class;
            }
            assertThat(read).as(text).isEqualTo(expected);
        }
    }

    @Test
    void refusesWhatIsNotAnInstant() {
        for (String text : List.of("2026-02-30T10:15:30Z", "2026-13-01T10:15:30Z", "2026-00-01T10:15:30Z",
                "2026-11-30T10:60:30Z", "2026-11-30T10:15:30.1234567890Z", "2026-11-3OT10:15:30Z", "2026-11-30T10:15:30",
                "2026-11-30T1O:15:30Z", "2026-11-30T10:15:30.12a4Z", "2026-11-30 10:15:30Z", "yesterday", "",
                "2026-11-30T10:15:30.")) {
            assertThatThrownBy(() -> InstantText.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
