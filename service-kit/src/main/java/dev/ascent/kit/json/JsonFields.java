package dev.ascent.kit.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Fields written on a streaming generator as the object mapper writes a record's: a null value is
 * written as {@code null} (the default inclusion). Names are pre-serialised where a writer repeats
 * them for every row of a large answer.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        string(g, value);
    }

    public static void string(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        string(g, value);
    }

    public static void uuid(JsonGenerator g, SerializableString name, UUID value) throws IOException {
        string(g, name, value == null ? null : value.toString());
    }

    public static void integer(JsonGenerator g, SerializableString name, Integer value) throws IOException {
        g.writeFieldName(name);
        integer(g, value);
    }

    public static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        g.writeFieldName(name);
        integer(g, value);
    }

    public static void decimal(JsonGenerator g, SerializableString name, Double value) throws IOException {
        g.writeFieldName(name);
        decimal(g, value);
    }

    public static void decimal(JsonGenerator g, String name, Double value) throws IOException {
        g.writeFieldName(name);
        decimal(g, value);
    }

    /** A list of strings, any of them null, or null itself. */
    public static void strings(JsonGenerator g, SerializableString name, List<String> values) throws IOException {
        g.writeFieldName(name);
        strings(g, values);
    }

    public static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        strings(g, values);
    }

    private static void strings(JsonGenerator g, List<String> values) throws IOException {
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String value : values) {
            string(g, value);
        }
        g.writeEndArray();
    }

    /** A string value, or null. */
    public static void string(JsonGenerator g, String value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void integer(JsonGenerator g, Integer value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.intValue());
        }
    }

    private static void decimal(JsonGenerator g, Double value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.doubleValue());
        }
    }
}
