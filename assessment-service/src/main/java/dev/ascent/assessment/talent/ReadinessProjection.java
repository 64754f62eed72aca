package dev.ascent.assessment.talent;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

/**
 * How someone's readiness for their target level has moved, and when it would reach READY at that pace.
 *
 * <p>The history is the person's readiness snapshots for their current target (a point on each day
 * readiness changed, so readiness between points is the earlier point's) plus today's figure.
 * <ul>
 *   <li><b>Trend</b>: today's percentage less the percentage {@value #TREND_DAYS} days ago (the last
 *       point on or before that day; when the history starts later, its first point before today).
 *       {@code null} without a point before today.</li>
 *   <li><b>Projection</b>: a least-squares line through the points of the last {@value #WINDOW_DAYS}
 *       days (today's included). {@code NOT_ENOUGH_HISTORY} with fewer than {@value #MIN_POINTS} points
 *       or a span under {@value #MIN_SPAN_DAYS} days; {@code NOT_IMPROVING} when the slope is zero or
 *       negative, or so shallow that even its fast end needs more than {@value #MAX_MONTHS} months.
 *       Otherwise {@code PROJECTED}: the months the remaining points to 100% take at slope + 1
 *       standard error ({@code monthsLow}) and at slope − 1 standard error ({@code monthsHigh},
 *       {@code null}, open-ended, when that slope is not positive or beyond {@value #MAX_MONTHS}
 *       months), each rounded up to whole months. Someone already READY: {@code READY}, 0 months.</li>
 * </ul>
 * A range rather than a date, because readiness moves in steps (a calibration, a piece of evidence)
 * and a line through a few steps is a rough guide, not a promise. Pure: no clock, no I/O.
 */
public final class ReadinessProjection {

    static final int TREND_DAYS = 90;
    static final int WINDOW_DAYS = 180;
    static final int MIN_POINTS = 3;
    static final int MIN_SPAN_DAYS = 28;
    static final int MAX_MONTHS = 120;
    /** The mean Gregorian month. */
    static final double DAYS_PER_MONTH = 365.2425 / 12;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProjectionKind")
    public enum Kind { READY, PROJECTED, NOT_IMPROVING, NOT_ENOUGH_HISTORY }

    public record Point(LocalDate date, int percent) {
    }

    /**
     * @param monthsLow  the fast end (whole months), null unless projected or ready
     * @param monthsHigh the slow end, null when open-ended or not projected
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReadinessProjection")
    public record Projection(Kind kind, Integer monthsLow, Integer monthsHigh) {
    }

    private ReadinessProjection() {
    }

    /** Today's percentage less the one {@value #TREND_DAYS} days ago; {@code null} without an earlier point. */
    public static Integer trend(List<Point> history, LocalDate today, int todayPercent) {
        LocalDate since = today.minusDays(TREND_DAYS);
        Point baseline = null;
        for (Point p : sorted(history).values()) {
            if (!p.date().isBefore(today)) {
                break;
            }
            // the last point on or before the day, else the first one after it
            if (baseline == null || !p.date().isAfter(since)) {
                baseline = p;
            }
        }
        return baseline == null ? null : todayPercent - baseline.percent();
    }

    public static Projection project(List<Point> history, LocalDate today, int todayPercent, boolean ready) {
        if (ready) {
            return new Projection(Kind.READY, 0, 0);
        }
        LocalDate windowStart = today.minusDays(WINDOW_DAYS);
        TreeMap<LocalDate, Point> points = sorted(history);
        points.headMap(windowStart).clear();
        points.tailMap(today, true).clear();
        points.put(today, new Point(today, todayPercent));
        long span = ChronoUnit.DAYS.between(points.firstKey(), today);
        if (points.size() < MIN_POINTS || span < MIN_SPAN_DAYS) {
            return new Projection(Kind.NOT_ENOUGH_HISTORY, null, null);
        }
        int n = points.size();
        double meanX = 0;
        double meanY = 0;
        for (Point p : points.values()) {
            meanX += x(p, today);
            meanY += p.percent();
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (Point p : points.values()) {
            double dx = x(p, today) - meanX;
            sxx += dx * dx;
            sxy += dx * p.percent(); // the deviations dx sum to 0, so Σ dx·(y − ȳ) = Σ dx·y
        }
        double slope = sxy / sxx; // points a day; sxx > 0: at least two distinct days
        if (slope <= 0) {
            return new Projection(Kind.NOT_IMPROVING, null, null);
        }
        double residuals = 0;
        for (Point p : points.values()) {
            double r = p.percent() - (meanY + slope * (x(p, today) - meanX));
            residuals += r * r;
        }
        double standardError = Math.sqrt(residuals / (n - 2) / sxx);
        int remaining = 100 - todayPercent;
        Integer low = months(remaining, slope + standardError);
        if (low == null) {
            return new Projection(Kind.NOT_IMPROVING, null, null);
        }
        return new Projection(Kind.PROJECTED, low, months(remaining, slope - standardError));
    }

    /** Whole months (rounded up) to climb {@code remaining} points at {@code slope} a day; null if never or too far. */
    private static Integer months(int remaining, double slope) {
        double months = Math.ceil(remaining / slope / DAYS_PER_MONTH);
        // a slope at or below zero gives a negative, infinite or undefined figure: never
        return months >= 0 && months <= MAX_MONTHS ? (int) months : null;
    }

    private static double x(Point p, LocalDate today) {
        return ChronoUnit.DAYS.between(today, p.date());
    }

    private static TreeMap<LocalDate, Point> sorted(List<Point> history) {
        TreeMap<LocalDate, Point> byDate = new TreeMap<>();
        history.forEach(p -> byDate.put(p.date(), p));
        return byDate;
    }
}
