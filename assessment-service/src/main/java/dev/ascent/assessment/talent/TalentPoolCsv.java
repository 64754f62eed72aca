package dev.ascent.assessment.talent;

import dev.ascent.kit.csv.CsvTables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The talent pool as CSV, one row per person ready now or emerging, level by level in ladder order,
 * written by the kit's {@link CsvTables} (text cells neutralised against formula injection).
 * {@code projection} is {@code ready}, {@code projected}, {@code not improving} or {@code not enough
 * history} (empty while evidence is unavailable); the months are filled when projected or ready.
 */
final class TalentPoolCsv {

    static final List<String> COLUMNS = List.of("person_id", "name", "level", "target_level", "status",
            "readiness_percent", "trend_90d", "projection", "months_low", "months_high", "opinion_only",
            "under_recognised");

    private TalentPoolCsv() {
    }

    static String write(TalentPool pool) {
        List<List<Object>> rows = new ArrayList<>();
        for (TalentPool.Level level : pool.levels()) {
            for (List<TalentPool.Candidate> list : List.of(level.readyNow(), level.emerging())) {
                for (TalentPool.Candidate c : list) {
                    ReadinessProjection.Projection p = c.projection();
                    rows.add(Arrays.asList(c.personId(), c.name(), c.level(), c.targetLevel(), c.status(),
                            c.readinessPercent(), c.trend(),
                            p == null ? null : p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                            p == null ? null : p.monthsLow(), p == null ? null : p.monthsHigh(),
                            c.opinionOnly(), c.underRecognised()));
                }
            }
        }
        return CsvTables.write(COLUMNS, rows);
    }
}
