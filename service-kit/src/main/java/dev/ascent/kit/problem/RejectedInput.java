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
}
