package dev.ascent.assessment.readiness;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The readiness snapshots this instance wrote (or found already written) today, so that a read whose
 * figures have not changed since skips the upsert statement: the statement would write nothing, but it
 * still cost a transaction and a round trip on every read of a person's page. Only a snapshot equal to
 * the one remembered for today is skipped; any other goes to {@link ReadinessSnapshots#record}, which
 * still compares with the table. Another replica's write is not seen here, so after a change and a
 * change back between replicas the table catches up at the next different figure or the next day.
 * Bounded: when full it forgets everything and the next reads simply write again.
 */
final class RecentSnapshots {

    private record Key(UUID personId, String targetLevel) {
    }

    private record Recorded(LocalDate day, ReadinessSnapshots.Snapshot snapshot) {
    }

    private final int capacity;
    private final Map<Key, Recorded> recorded = new ConcurrentHashMap<>();

    RecentSnapshots(int capacity) {
        this.capacity = capacity;
    }

    /** The snapshots that differ from what was recorded today for the same person and target. */
    List<ReadinessSnapshots.Snapshot> changed(List<ReadinessSnapshots.Snapshot> taken, LocalDate today) {
        return taken.stream().filter(s -> !new Recorded(today, s)
                .equals(recorded.get(new Key(s.personId(), s.targetLevel())))).toList();
    }

    /** Call after the snapshots were committed: the table's latest row for each now has these figures. */
    void remember(List<ReadinessSnapshots.Snapshot> written, LocalDate today) {
        if (recorded.size() + written.size() > capacity) {
            recorded.clear();
        }
        for (ReadinessSnapshots.Snapshot s : written) {
            recorded.put(new Key(s.personId(), s.targetLevel()), new Recorded(today, s));
        }
    }
}
