package dev.ascent.gateway.me;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonMembersTest {

    private static final JsonFactory FACTORY = new JsonFactory();

    private static Map<String, String> members(String json, String... names) throws IOException {
        Map<String, byte[]> found = JsonMembers.of(FACTORY, json.getBytes(StandardCharsets.UTF_8), Set.of(names));
        Map<String, String> text = new java.util.TreeMap<>();
        found.forEach((name, bytes) -> text.put(name, new String(bytes, StandardCharsets.UTF_8)));
        return text;
    }

    @Test
    void eachValueIsItsExactBytesWhateverItIs() throws IOException {
        String json = "{ \"s\" : \"a \\\"q\\\" ü 🚀 \\u00e9\" , \"n\":-1.50e3,\"t\":true,\"z\":null,"
                + "\"o\":{\"x\":[1,{\"y\":\"}]\"}]},\"a\":[ ],\"skip\":{\"s\":\"no\"},\"last\":\"end\"}";
        assertThat(members(json, "s", "n", "t", "z", "o", "a", "last")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "s", "\"a \\\"q\\\" ü 🚀 \\u00e9\"",
                "n", "-1.50e3",
                "t", "true",
                "z", "null",
                "o", "{\"x\":[1,{\"y\":\"}]\"}]}",
                "a", "[ ]",
                "last", "\"end\""));
        assertThat(members(json, "missing")).isEmpty();
        assertThat(JsonMembers.present("null".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(JsonMembers.present(null)).isFalse();
        assertThat(JsonMembers.present("{}".getBytes(StandardCharsets.US_ASCII))).isTrue();
    }

    @Test
    void onlyOneWellFormedObjectIsRead() {
        for (String bad : new String[] {"", "[]", "null", "\"x\"", "{\"a\":1", "{\"a\":1} {}", "{\"a\":[1,}", "{\"a\":\"x}",
                "{\"a\":1}]"}) {
            assertThatThrownBy(() -> members(bad, "a")).as(bad).isInstanceOf(IOException.class);
        }
    }
}
