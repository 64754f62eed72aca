package dev.ascent.kit.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A large answer written field by field on a streaming generator instead of by the object mapper's
 * reflection (a service's bulk answers for a 10,000-person report). A subclass is a {@code @Provider}
 * for exactly one answer type and writes what the object mapper would, which its test holds it to, so
 * the answer's records stay the one description of it (and of its OpenAPI schema).
 */
public abstract class StreamedJsonWriter<T> implements MessageBodyWriter<T> {

    private final Class<T> type;
    private final ObjectMapper json;

    protected StreamedJsonWriter(Class<T> type, ObjectMapper json) {
        this.type = type;
        this.json = json;
    }

    /** Writes the answer's one JSON value. */
    protected abstract void write(T answer, JsonGenerator g) throws IOException;

    /** The answer as this writer writes it, on the mapper's generator (its settings apply). */
    public final void write(T answer, OutputStream out) throws IOException {
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            write(answer, g);
        }
    }

    @Override
    public final boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == this.type;
    }

    @Override
    public final void writeTo(T answer, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                              MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        write(answer, out);
    }
}
