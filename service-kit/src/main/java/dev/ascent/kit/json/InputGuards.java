package dev.ascent.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import dev.ascent.kit.problem.RejectedInput;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Refuses, as the request is read, values PostgreSQL would refuse only when they are written: text
 * holding the NUL character (which no PostgreSQL text column stores) and dates outside the years
 * 1 to 9999. Every string, map key, JSON tree and date read by a mapper with {@link #module()}
 * passes through here, so no endpoint can forget it; the resulting {@link RejectedInput} names the
 * field and becomes a 400.
 */
public final class InputGuards {

    public static final String NUL_REASON = "must not contain the NUL character (\\u0000)";
    public static final String DATE_REASON = "must be a date between the years 1 and 9999";

    /** The earliest and latest instants stored: the years 1 to 9999, as in ISO 8601 without extension. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private InputGuards() {
    }

    /** The guards as a Jackson module, for mappers a service makes itself (YAML imports, for one). */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("ascent-input-guards");
        module.addDeserializer(String.class, new GuardedStrings());
        module.addKeyDeserializer(String.class, new GuardedKeys());
        module.addDeserializer(JsonNode.class, new GuardedTree<>(JsonNode.class));
        module.addDeserializer(ObjectNode.class, new GuardedTree<>(ObjectNode.class));
        module.addDeserializer(ArrayNode.class, new GuardedTree<>(ArrayNode.class));
        module.addDeserializer(Instant.class, new GuardedTime<>(Instant.class, InstantDeserializer.INSTANT, i -> i));
        module.addDeserializer(OffsetDateTime.class, new GuardedTime<>(OffsetDateTime.class,
                InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime::toInstant));
        module.addDeserializer(ZonedDateTime.class, new GuardedTime<>(ZonedDateTime.class,
                InstantDeserializer.ZONED_DATE_TIME, ZonedDateTime::toInstant));
        module.addDeserializer(LocalDate.class, new GuardedTime<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                d -> d.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
        module.addDeserializer(LocalDateTime.class, new GuardedTime<>(LocalDateTime.class,
                LocalDateTimeDeserializer.INSTANCE, d -> d.toInstant(java.time.ZoneOffset.UTC)));
        return module;
    }

    /** True when PostgreSQL can store the text (null is absent, not bad). */
    public static boolean storable(String text) {
        return text == null || text.indexOf('\u0000') < 0;
    }

    /** True when the day lies within the years 1 to 9999. */
    public static boolean storable(LocalDate day) {
        return day == null || day.getYear() >= 1 && day.getYear() <= 9999;
    }

    /** True when the instant lies within the years 1 to 9999. */
    public static boolean storable(Instant instant) {
        return instant == null || !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** Strings, including elements of lists and values of maps. */
    static final class GuardedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (!storable(value)) {
                throw new RejectedInput(p, NUL_REASON);
            }
            return value;
        }
    }

    static final class GuardedKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (!storable(key)) {
                throw new RejectedInput(ctxt.getParser(), "keys " + NUL_REASON);
            }
            return key;
        }
    }

    /** Trees (webhook payloads, free-form attributes): read as usual, then searched for NUL text. */
    static final class GuardedTree<T extends JsonNode> extends StdDeserializer<T> {
        private final JsonDeserializer<? extends JsonNode> standard;

        GuardedTree(Class<T> type) {
            super(type);
            this.standard = JsonNodeDeserializer.getDeserializer(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T node = (T) standard.deserialize(p, ctxt);
            Deque<Object> path = new ArrayDeque<>();
            if (containsNul(node, path)) {
                RejectedInput rejected = new RejectedInput(p, NUL_REASON);
                // The path is innermost first when prepended from the end.
                for (Iterator<Object> it = path.descendingIterator(); it.hasNext(); ) {
                    Object step = it.next();
                    if (step instanceof Integer index) {
                        rejected.prependPath(node, index);
                    } else {
                        rejected.prependPath(node, (String) step);
                    }
                }
                throw rejected;
            }
            return node;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return (T) standard.getNullValue(ctxt);
        }

        /** Depth first; on success {@code path} holds the way from the root to the offending value. */
        private static boolean containsNul(JsonNode node, Deque<Object> path) {
            if (node.isTextual()) {
                return !storable(node.textValue());
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!storable(field.getKey())) {
                        return true; // a bad key: the object holding it is named
                    }
                    path.addLast(field.getKey());
                    if (containsNul(field.getValue(), path)) {
                        return true;
                    }
                    path.removeLast();
                }
            } else if (node.isArray()) {
                int index = 0;
                for (JsonNode element : node) {
                    path.addLast(index++);
                    if (containsNul(element, path)) {
                        return true;
                    }
                    path.removeLast();
                }
            }
            return false;
        }
    }

    /** Dates and times, read by Jackson's own deserializer (formats and all), then checked for range. */
    static final class GuardedTime<T> extends StdDeserializer<T> implements ContextualDeserializer {
        private final JsonDeserializer<T> standard;
        private final Function<T, Instant> asInstant;

        @SuppressWarnings("unchecked")
        GuardedTime(Class<T> type, JsonDeserializer<? extends T> standard, Function<T, Instant> asInstant) {
            super(type);
            this.standard = (JsonDeserializer<T>) standard;
            this.asInstant = asInstant;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = standard.deserialize(p, ctxt);
            if (value != null) {
                Instant instant;
                try {
                    instant = asInstant.apply(value);
                } catch (java.time.DateTimeException e) {
                    throw new RejectedInput(p, DATE_REASON);
                }
                if (!storable(instant)) {
                    throw new RejectedInput(p, DATE_REASON);
                }
            }
            return value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            // Every JSR-310 deserializer is contextual (it reads @JsonFormat); keep its configured copy.
            JsonDeserializer<T> configured = (JsonDeserializer<T>) ((ContextualDeserializer) standard)
                    .createContextual(ctxt, property);
            return configured == standard ? this : new GuardedTime<>((Class<T>) handledType(), configured, asInstant);
        }
    }
}
