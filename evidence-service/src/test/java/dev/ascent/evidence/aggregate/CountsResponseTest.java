package dev.ascent.evidence.aggregate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming writer answers exactly what object mapping of the records answers. */
class CountsResponseTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesWhatObjectMappingWrites() throws Exception {
        UUID ada = UUID.randomUUID();
        for (CountsResponse response : List.of(
                new CountsResponse(Arrays.asList(new CountsResponse.Count(ada, "DELIVERY", "product-craft", null, 12),
                        new CountsResponse.Count(ada, "DELIVERY", "product-craft", "spec-review", 3),
                        new CountsResponse.Count(UUID.randomUUID(), "LAUNCH", "odd \"code\"\n", "okr", Long.MAX_VALUE),
                        new CountsResponse.Count(null, null, null, null, 0), null)),
                new CountsResponse(List.of()), new CountsResponse(null))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            response.write(mapper.getFactory(), out);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(mapper.writeValueAsString(response));
        }
    }
}
