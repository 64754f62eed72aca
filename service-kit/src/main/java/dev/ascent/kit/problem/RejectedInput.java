package dev.ascent.kit.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value that is well-formed JSON but that the platform refuses to take in (text with a NUL
 * character, a date no database column can hold). Jackson adds the value's path as it unwinds, so
 * the problem names the field, as for any other mapping failure.
 */
public class RejectedInput extends JsonMappingException {

    private final String reason;

    public RejectedInput(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** The rejected value's place in the document, such as {@code [3].title} or {@code links[1]}. */
    public String field() {
        return pathOf(getPath());
    }

    /** A Jackson path as a field name: {@code ratings[1].rating}. */
    public static String pathOf(java.util.List<Reference> path) {
        StringBuilder field = new StringBuilder();
        for (Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The 400 problem for this rejection, its field prefixed with where the document sits ({@code events}). */
    public ApiProblem asProblem(String prefix) {
        String field = field();
        String named = prefix == null || prefix.isEmpty() ? field
                : field.startsWith("[") || field.isEmpty() ? prefix + field : prefix + "." + field;
        return ApiProblem.invalidField(named, reason);
    }
}
