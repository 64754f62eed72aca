package dev.ascent.growthplan.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BulkStatusWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String written(PlanResponses.BulkStatus answer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BulkStatusWriter.write(answer, JSON, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesWhatTheObjectMapperWrites() throws Exception {
        List<PlanResponses.PersonStatus> people = new ArrayList<>();
        people.add(new PlanResponses.PersonStatus(UUID.randomUUID(), UUID.randomUUID(), PlanStatus.ACTIVE, 40, 2, 5));
        people.add(new PlanResponses.PersonStatus(UUID.randomUUID(), null, null, null, null, null));
        people.add(new PlanResponses.PersonStatus(UUID.randomUUID(), UUID.randomUUID(), PlanStatus.DRAFT, null, null, 0));
        people.add(new PlanResponses.PersonStatus(null, UUID.randomUUID(), PlanStatus.COMPLETED, 100, 5, 5));
        for (boolean stale : List.of(false, true)) {
            PlanResponses.BulkStatus answer = new PlanResponses.BulkStatus(stale, people);
            assertThat(written(answer)).isEqualTo(JSON.writeValueAsString(answer));
        }
        PlanResponses.BulkStatus nobody = new PlanResponses.BulkStatus(false, List.of());
        assertThat(written(nobody)).isEqualTo(JSON.writeValueAsString(nobody));
        PlanResponses.BulkStatus absent = new PlanResponses.BulkStatus(false, null);
        assertThat(written(absent)).isEqualTo(JSON.writeValueAsString(absent));
    }

    @Test
    void writesOnlyBulkStatus() {
        BulkStatusWriter writer = new BulkStatusWriter(JSON);
        assertThat(writer.isWriteable(PlanResponses.BulkStatus.class, null, null, null)).isTrue();
        assertThat(writer.isWriteable(PlanResponses.PersonStatus.class, null, null, null)).isFalse();
    }
}
