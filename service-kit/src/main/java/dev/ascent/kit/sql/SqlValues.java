package dev.ascent.kit.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Conversions for values read by native queries, whose Java types depend on the driver. */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalArgumentException("not a timestamp: " + value.getClass());
        };
    }

    public static LocalDate localDate(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> throw new IllegalArgumentException("not a date: " + value.getClass());
        };
    }
}
