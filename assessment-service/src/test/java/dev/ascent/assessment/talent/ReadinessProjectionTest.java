package dev.ascent.assessment.talent;

import dev.ascent.assessment.talent.ReadinessProjection.Kind;
import dev.ascent.assessment.talent.ReadinessProjection.Point;
import dev.ascent.assessment.talent.ReadinessProjection.Projection;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    /** Points as pairs of (days before today, percent); a negative day count is in the future. */
    private static List<Point> history(int... daysAgoAndPercent) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < daysAgoAndPercent.length; i += 2) {
            points.add(new Point(TODAY.minusDays(daysAgoAndPercent[i]), daysAgoAndPercent[i + 1]));
        }
        return points;
    }

    private static Projection project(int today, int... daysAgoAndPercent) {
        return ReadinessProjection.project(history(daysAgoAndPercent), TODAY, today, false);
    }

    @Test
    void trendIsTheChangeSinceNinetyDaysAgo() {
        assertThat(ReadinessProjection.trend(history(), TODAY, 60)).as("no history").isNull();
        assertThat(ReadinessProjection.trend(history(0, 55), TODAY, 60)).as("only today's own snapshot").isNull();
        assertThat(ReadinessProjection.trend(history(120, 30, 95, 40, 60, 50), TODAY, 60))
                .as("the last point on or before the day").isEqualTo(20);
        assertThat(ReadinessProjection.trend(history(100, 30, 90, 40, 50, 50), TODAY, 65))
                .as("a point on the day itself").isEqualTo(25);
        assertThat(ReadinessProjection.trend(history(30, 55, 60, 50), TODAY, 45))
                .as("a younger history: its first point, a fall is negative").isEqualTo(-5);
        assertThat(ReadinessProjection.trend(history(30, 50, 0, 99, -1, 10), TODAY, 60))
                .as("today's and later points are not a baseline").isEqualTo(10);
    }

    @Test
    void someoneReadyIsZeroMonthsAway() {
        assertThat(ReadinessProjection.project(history(), TODAY, 80, true)).isEqualTo(new Projection(Kind.READY, 0, 0));
    }

    @Test
    void aSteadyClimbGivesANarrowRange() {
        // a third of a point a day, 40 to go: 120 days, 3.9 months
        assertThat(project(60, 60, 40, 30, 50)).isEqualTo(new Projection(Kind.PROJECTED, 4, 4));
        // the same line with a wobble: slope 1/3, standard error 0.0962 → 93 and 169 days
        assertThat(project(60, 60, 40, 30, 55)).isEqualTo(new Projection(Kind.PROJECTED, 4, 6));
        // four points: slope 0.35, standard error 0.0441 (the residuals shared over n − 2 = 2 degrees of freedom)
        assertThat(project(60, 90, 30, 60, 40, 30, 55)).isEqualTo(new Projection(Kind.PROJECTED, 4, 5));
    }

    @Test
    void aNoisyClimbHasAnOpenSlowEnd() {
        // slope 0.083, standard error 0.529: the slow end's slope is not positive
        assertThat(project(45, 60, 40, 30, 70)).isEqualTo(new Projection(Kind.PROJECTED, 3, null));
    }

    @Test
    void flatOrFallingReadinessIsNotImproving() {
        assertThat(project(40, 60, 60, 30, 50)).isEqualTo(new Projection(Kind.NOT_IMPROVING, null, null));
        assertThat(project(50, 60, 50, 30, 50)).as("flat").isEqualTo(new Projection(Kind.NOT_IMPROVING, null, null));
        assertThat(project(50, 28, 50, 14, 60)).as("a slope of exactly zero with scatter")
                .isEqualTo(new Projection(Kind.NOT_IMPROVING, null, null));
    }

    @Test
    void aClimbTooSlowForTenYearsIsNotImproving() {
        // a point every 37 days, 98 to go: 3,626 days, 119.1 months → 120
        assertThat(project(2, 74, 0, 37, 1)).isEqualTo(new Projection(Kind.PROJECTED, 120, 120));
        // every 38 days: 3,724 days, 122.4 months
        assertThat(project(2, 76, 0, 38, 1)).isEqualTo(new Projection(Kind.NOT_IMPROVING, null, null));
    }

    @Test
    void aFullPercentageNotYetReadyIsZeroMonthsAway() {
        assertThat(project(100, 60, 80, 30, 90)).isEqualTo(new Projection(Kind.PROJECTED, 0, 0));
        assertThat(project(100, 60, 95, 30, 60)).as("a slow end that falls: still nothing to climb")
                .isEqualTo(new Projection(Kind.PROJECTED, 0, 0));
    }

    @Test
    void fewPointsOrAShortSpanAreNotEnoughHistory() {
        Projection notEnough = new Projection(Kind.NOT_ENOUGH_HISTORY, null, null);
        assertThat(project(50)).as("today alone").isEqualTo(notEnough);
        assertThat(project(60, 60, 40)).as("two points").isEqualTo(notEnough);
        assertThat(project(54, 27, 40, 14, 47)).as("27 days").isEqualTo(notEnough);
        // exactly 28 days: half a point a day, 46 to go → 92 days, 3.02 months
        assertThat(project(54, 28, 40, 14, 47)).isEqualTo(new Projection(Kind.PROJECTED, 4, 4));
        assertThat(project(60, 60, 40, 0, 50)).as("today's snapshot is today's figure, not another point")
                .isEqualTo(notEnough);
    }

    @Test
    void onlyTheLastHundredAndEightyDaysCount() {
        assertThat(project(60, 200, 10, 30, 50)).as("the old point is dropped")
                .isEqualTo(new Projection(Kind.NOT_ENOUGH_HISTORY, null, null));
        // 180 days ago still counts: (−180, 0), (−30, 50), (0, 60)
        assertThat(project(60, 180, 0, 30, 50).kind()).isEqualTo(Kind.PROJECTED);
        // a point dated after today (a clock ahead) is ignored: the steady third of a point a day remains
        assertThat(project(60, 60, 40, 30, 50, -1, 99)).isEqualTo(new Projection(Kind.PROJECTED, 4, 4));
    }
}
