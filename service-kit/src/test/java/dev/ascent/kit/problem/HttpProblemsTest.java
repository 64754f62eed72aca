package dev.ascent.kit.problem;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HttpProblemsTest {

    @Test
    void aProblemIsWrittenAsTheSameDocumentTheRestLayerWrites() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Problem problem = new Problem(Problem.TYPE_PREFIX + "payload-too-large", "Payload too large", 413,
                "The request body exceeds 10 bytes", "/api/v1/evidence", List.of(new Problem.Violation("body", "too long")));

        JsonNode written = json.readTree(HttpProblems.body(json, problem).getBytes());

        assertThat(written).isEqualTo(json.valueToTree(problem));
        assertThat(written.get("status").asInt()).isEqualTo(413);
        assertThat(written.get("violations").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void aProblemThatCannotBeSerialisedStillSaysItsStatus() throws IOException {
        ObjectMapper broken = new ObjectMapper().registerModule(new SimpleModule().addSerializer(Problem.class,
                new JsonSerializer<>() {
                    @Override
                    public void serialize(Problem value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                        throw new IOException("no");
                    }
                }));

        JsonNode written = new ObjectMapper().readTree(
                HttpProblems.body(broken, Problem.of(401, "unauthorized", "Unauthorized", "no token", "/x")).getBytes());

        assertThat(written.size()).isEqualTo(1);
        assertThat(written.get("status").asInt()).isEqualTo(401);
    }
}
