package dev.ascent.gateway.report;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One person's competency cells as the readiness columns carry them: competencies by position in the
 * answer's shared list of codes, expectations and ratings in arrays, in the service's order. A map of
 * records per person (sixteen entries, each with a boxed rating) was most of a 10,000-person report's
 * live heap in the gateway, enough to force a full collection on every report; these few arrays are
 * about a sixth of it, and a {@link TeamReport.Cell} is made only when one is read. Read-only.
 */
final class CompetencyCells extends AbstractMap<String, TeamReport.Cell> {

    private final List<String> codes;
    private final int[] positions;
    private final int[] expected;
    /** NaN while nobody but the person rated the competency. */
    private final double[] ratings;

    private CompetencyCells(List<String> codes, int[] positions, int[] expected, double[] ratings) {
        this.codes = codes;
        this.positions = positions;
        this.expected = expected;
        this.ratings = ratings;
    }

    /** Collects one person's cells; a competency named twice keeps its last cell, as a map would. */
    static final class Builder {
        private final List<String> codes;
        private int[] positions = new int[16];
        private int[] expected = new int[16];
        private double[] ratings = new double[16];
        private int size;

        Builder(List<String> codes) {
            this.codes = codes;
        }

        /** @param position the competency's position in the codes; the caller has checked it is one */
        void put(int position, int expectedLevel, Double rating) {
            double value = rating == null ? Double.NaN : rating;
            for (int i = 0; i < size; i++) {
                if (positions[i] == position) {
                    expected[i] = expectedLevel;
                    ratings[i] = value;
                    return;
                }
            }
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
                expected = Arrays.copyOf(expected, size * 2);
                ratings = Arrays.copyOf(ratings, size * 2);
            }
            positions[size] = position;
            expected[size] = expectedLevel;
            ratings[size] = value;
            size++;
        }

        CompetencyCells build() {
            return new CompetencyCells(codes, Arrays.copyOf(positions, size), Arrays.copyOf(expected, size),
                    Arrays.copyOf(ratings, size));
        }
    }

    @Override
    public int size() {
        return positions.length;
    }

    @Override
    public TeamReport.Cell get(Object key) {
        for (int i = 0; i < positions.length; i++) {
            if (codes.get(positions[i]).equals(key)) {
                return cell(i);
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, TeamReport.Cell>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return positions.length;
            }

            @Override
            public Iterator<Entry<String, TeamReport.Cell>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < positions.length;
                    }

                    @Override
                    public Entry<String, TeamReport.Cell> next() {
                        if (next >= positions.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return Map.entry(codes.get(positions[i]), cell(i));
                    }
                };
            }
        };
    }

    /** The competency code of the {@code i}th cell, in order. */
    String code(int i) {
        return codes.get(positions[i]);
    }

    int expected(int i) {
        return expected[i];
    }

    /** NaN while nobody but the person rated it. */
    double rating(int i) {
        return ratings[i];
    }

    private TeamReport.Cell cell(int i) {
        return new TeamReport.Cell(expected[i], Double.isNaN(ratings[i]) ? null : ratings[i]);
    }
}
