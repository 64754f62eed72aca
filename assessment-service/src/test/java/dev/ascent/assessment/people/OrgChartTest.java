package dev.ascent.assessment.people;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrgChartTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static OrgChart.Person person(int n, UUID manager, Boolean founderLed, int createdSecond) {
        return new OrgChart.Person(id(n), "P" + n, "p" + n + "@example.com", "PM", n % 2 == 0 ? "SENIOR_PM" : null,
                manager, founderLed, T0.plusSeconds(createdSecond));
    }

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }

    private static List<UUID> ids(List<OrgChart.Member> members) {
        return members.stream().map(m -> m.person().id()).toList();
    }

    /**
     * 1 (founder-led) ─ 2 ─ 3 (not founder-led) ─ 4
     *                     └ 5                     └ 6 (founder-led)
     * and 7 on their own; created in an order unlike the tree's.
     */
    private static OrgChart chart() {
        return new OrgChart(42, List.of(
                person(1, null, true, 10),
                person(2, id(1), null, 20),
                person(3, id(2), false, 70),
                person(4, id(3), null, 30),
                person(5, id(2), null, 60),
                person(6, id(3), true, 30),
                person(7, null, null, 5)));
    }

    @Test
    void aTeamIsEveryoneBelowInCreationOrderThenIdWithTheirDepth() {
        OrgChart chart = chart();
        assertThat(chart.version()).isEqualTo(42);
        List<OrgChart.Member> all = chart.team(id(1), OrgChart.MAX_DEPTH);
        // 4 and 6 were created at the same second: the id decides.
        assertThat(ids(all)).containsExactly(id(2), id(4), id(6), id(5), id(3));
        assertThat(all.stream().map(OrgChart.Member::depth).toList()).containsExactly(1, 3, 3, 2, 2);
        assertThat(all.getFirst().person()).isEqualTo(person(2, id(1), null, 20));

        assertThat(ids(chart.team(id(1), 1))).containsExactly(id(2));
        assertThat(ids(chart.team(id(1), 2))).containsExactly(id(2), id(5), id(3));
        assertThat(ids(chart.team(id(2), 1))).containsExactly(id(5), id(3));
        assertThat(chart.team(id(4), OrgChart.MAX_DEPTH)).isEmpty();
        assertThat(chart.team(id(7), OrgChart.MAX_DEPTH)).isEmpty();
        assertThat(chart.team(id(99), OrgChart.MAX_DEPTH)).isEmpty();
        assertThat(chart.team(id(1), 0)).isEmpty();
    }

    @Test
    void eachMemberInheritsTheirOwnSettingElseTheNearestAboveThemIncludingAboveTheManager() {
        OrgChart chart = chart();
        List<OrgChart.Member> ofTwo = chart.team(id(2), OrgChart.MAX_DEPTH);
        assertThat(ids(ofTwo)).containsExactly(id(4), id(6), id(5), id(3));
        // 5 has none and 2 has none: 1's, found above the team's manager.
        assertThat(ofTwo.stream().map(OrgChart.Member::inheritedFounderLed).toList())
                .containsExactly(false, true, true, false);
        assertThat(chart.inheritedBy(id(2))).isTrue();
        assertThat(chart.inheritedBy(id(4))).isFalse();
        assertThat(chart.inheritedBy(id(6))).isTrue();
        assertThat(chart.inheritedBy(id(7))).as("nobody's: the organisation's applies").isNull();
        assertThat(chart.inheritedBy(id(99))).isNull();
        assertThat(chart.contains(id(7))).isTrue();
        assertThat(chart.contains(id(99))).isFalse();
    }

    @Test
    void aCycleInTheDataEndsTheWalkAndTheWalkUpFindsNothingInIt() {
        // 1 → 2 → 1: each reports to the other; neither has a setting.
        OrgChart chart = new OrgChart(1, List.of(person(1, id(2), null, 1), person(2, id(1), null, 2)));
        assertThat(ids(chart.team(id(1), OrgChart.MAX_DEPTH))).containsExactly(id(2));
        assertThat(chart.inheritedBy(id(1))).isNull();
    }

    @Test
    void noWalkGoesDeeperThanTheGuard() {
        // A line of 70, each reporting to the one before, the first founder-led.
        List<OrgChart.Person> line = new ArrayList<>();
        line.add(person(1, null, true, 1));
        for (int n = 2; n <= 70; n++) {
            line.add(person(n, id(n - 1), null, n));
        }
        OrgChart chart = new OrgChart(1, line);
        List<OrgChart.Member> team = chart.team(id(1), Integer.MAX_VALUE);
        assertThat(team).hasSize(OrgChart.MAX_DEPTH);
        assertThat(team.getLast().depth()).isEqualTo(OrgChart.MAX_DEPTH);
        assertThat(team.getLast().inheritedFounderLed()).isTrue();
        // The founder-led first is 64 links up from 65; from 66 it is one link too many.
        assertThat(chart.inheritedBy(id(65))).isTrue();
        assertThat(chart.inheritedBy(id(66))).isNull();
    }
}
