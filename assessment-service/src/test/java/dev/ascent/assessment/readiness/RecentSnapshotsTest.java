package dev.ascent.assessment.readiness;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RecentSnapshotsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static ReadinessSnapshots.Snapshot snapshot(UUID person, String target, int percent) {
        return new ReadinessSnapshots.Snapshot(person, target, 3, percent, ReadinessCalculator.Status.NOT_READY, 2, 8);
    }

    @Test
    void onlyTheSameFiguresForTheSamePersonTargetAndDayAreUnchanged() {
        RecentSnapshots recent = new RecentSnapshots(10);
        UUID person = UUID.randomUUID();
        ReadinessSnapshots.Snapshot written = snapshot(person, "SENIOR_PM", 40);
        assertThat(recent.changed(List.of(written), TODAY)).as("nothing remembered yet").containsExactly(written);

        recent.remember(List.of(written), TODAY);

        assertThat(recent.changed(List.of(snapshot(person, "SENIOR_PM", 40)), TODAY)).isEmpty();
        ReadinessSnapshots.Snapshot moved = snapshot(person, "SENIOR_PM", 45);
        ReadinessSnapshots.Snapshot otherTarget = snapshot(person, "GROUP_PM", 40);
        ReadinessSnapshots.Snapshot otherPerson = snapshot(UUID.randomUUID(), "SENIOR_PM", 40);
        assertThat(recent.changed(List.of(moved, otherTarget, otherPerson), TODAY))
                .containsExactly(moved, otherTarget, otherPerson);
        assertThat(recent.changed(List.of(written), TODAY.plusDays(1))).as("a new day writes again").containsExactly(written);
    }

    @Test
    void theLatestWriteIsWhatIsRemembered() {
        RecentSnapshots recent = new RecentSnapshots(10);
        UUID person = UUID.randomUUID();
        recent.remember(List.of(snapshot(person, "SENIOR_PM", 40)), TODAY);
        recent.remember(List.of(snapshot(person, "SENIOR_PM", 45)), TODAY);

        assertThat(recent.changed(List.of(snapshot(person, "SENIOR_PM", 45)), TODAY)).isEmpty();
        assertThat(recent.changed(List.of(snapshot(person, "SENIOR_PM", 40)), TODAY)).hasSize(1);
    }

    @Test
    void forgetsEverythingRatherThanGrowPastItsCapacity() {
        RecentSnapshots recent = new RecentSnapshots(3);
        ReadinessSnapshots.Snapshot a = snapshot(UUID.randomUUID(), "SENIOR_PM", 1);
        ReadinessSnapshots.Snapshot b = snapshot(UUID.randomUUID(), "SENIOR_PM", 2);
        ReadinessSnapshots.Snapshot c = snapshot(UUID.randomUUID(), "SENIOR_PM", 3);
        ReadinessSnapshots.Snapshot d = snapshot(UUID.randomUUID(), "SENIOR_PM", 4);
        recent.remember(List.of(a, b), TODAY);
        recent.remember(List.of(c), TODAY);
        assertThat(recent.changed(List.of(a, b, c), TODAY)).as("exactly full keeps all").isEmpty();

        recent.remember(List.of(d), TODAY);

        assertThat(recent.changed(List.of(a, b, c, d), TODAY)).containsExactly(a, b, c);
    }
}
