package dev.ascent.gateway.me;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Members of a JSON object as the bytes they were sent in, found by reading tokens: nothing is built
 * and nothing is written again. The overview relays parts of three answers; as trees they were a third
 * of the gateway's CPU per overview (read, checked for NUL characters meant for clients' input, written).
 */
final class JsonMembers {

    private JsonMembers() {
    }

    /**
     * The named top-level members of {@code json} (an object), each value's exact bytes (a member that is
     * absent is absent from the map; a JSON null is {@code null}'s four bytes). The whole document is
     * read, so an answer that is not one well-formed JSON object fails here, not in the client.
     */
    static Map<String, byte[]> of(JsonFactory factory, byte[] json, Set<String> names) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        try (JsonParser parser = factory.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                // A string's characters are read only when asked for: read them, so the end is the string's.
                parser.finishToken();
                int end = (int) parser.currentLocation().getByteOffset();
                if (names.contains(name)) {
                    found.put(name, Arrays.copyOfRange(json, start, end));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new JsonParseException(parser, "the answer is not one JSON object");
            }
        }
        return found;
    }

    /** Whether a member found by {@link #of} holds a value other than JSON null. */
    static boolean present(byte[] value) {
        return value != null && !Arrays.equals(value, NULL);
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
}
