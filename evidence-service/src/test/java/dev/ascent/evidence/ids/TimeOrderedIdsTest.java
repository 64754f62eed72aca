package dev.ascent.evidence.ids;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void isAVersion7UuidCarryingItsMillisecond() {
        UUID id = TimeOrderedIds.at(1_764_000_000_123L);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(1_764_000_000_123L);
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnesAsPostgresComparesThem() {
        // PostgreSQL orders uuid by its bytes, most significant first: the string order is the same.
        UUID earlier = TimeOrderedIds.at(1_764_000_000_000L);
        UUID later = TimeOrderedIds.at(1_764_000_000_001L);
        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(1_764_000_000_000L));
        }
        assertThat(ids).hasSize(10_000);
    }
}
