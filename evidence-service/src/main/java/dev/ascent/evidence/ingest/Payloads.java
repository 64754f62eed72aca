package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ascent.kit.json.InputGuards;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small readers shared by the payload normalisers. */
final class Payloads {

    static final int MAX_TITLE = 300;
    static final int MAX_SUMMARY = 4000;

    private Payloads() {
    }

    static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(p);
        }
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
    }

    /** The {@code field} of each object in an array ({@code labels[].name}); strings are taken as they are. */
    static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (item.isTextual()) {
                    names.add(item.asText());
                } else if (item.isObject() && item.hasNonNull(field)) {
                    names.add(item.get(field).asText());
                }
            }
        }
        return names;
    }

    static String title(String title, String fallback) {
        String t = title == null || title.isBlank() ? fallback : title.trim();
        return t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE - 1) + "…" : t;
    }

    static String summary(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String s = body.trim();
        return s.length() > MAX_SUMMARY ? s.substring(0, MAX_SUMMARY - 1) + "…" : s;
    }

    /** Only absolute http(s) links become evidence links. */
    static String url(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && u.length() <= 2000
                && u.chars().noneMatch(Character::isWhitespace) ? u : null;
    }

    /**
     * An ISO-8601 timestamp (any offset) or date, as the UTC day; {@code fallback} when absent,
     * unreadable or outside the years 1 to 9999 (which no column stores).
     */
    static LocalDate day(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        LocalDate day;
        try {
            day = OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (java.time.DateTimeException e) {
            try {
                day = LocalDate.parse(value);
            } catch (DateTimeParseException e2) {
                return fallback;
            }
        }
        return InputGuards.storable(day) ? day : fallback;
    }

    static LocalDate dayOfMillis(JsonNode node, LocalDate fallback) {
        if (node == null || !node.canConvertToLong()) {
            return fallback;
        }
        try {
            LocalDate day = Instant.ofEpochMilli(node.asLong()).atZone(ZoneOffset.UTC).toLocalDate();
            return InputGuards.storable(day) ? day : fallback;
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }
}
