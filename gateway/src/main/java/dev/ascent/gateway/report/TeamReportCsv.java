package dev.ascent.gateway.report;

import dev.ascent.gateway.csv.CsvTables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The people of a team report as CSV, one row each, written by {@link CsvTables} (so text cells are
 * neutralised against formula injection and the report's own numbers are left as they are).
 * Unavailable values are empty cells; lists are joined with {@code ;}.
 */
final class TeamReportCsv {

    private static final List<String> PEOPLE = List.of("person_id", "name", "email", "manager_id", "depth", "level",
            "target_level", "readiness_percent", "readiness_status", "top_gaps", "evidence_90d", "plan_status",
            "plan_progress_percent", "last_assessment_at");

    private TeamReportCsv() {
    }

    static String people(TeamReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (TeamReport.Row r : report.people()) {
            rows.add(Arrays.asList(r.personId(), r.name(), r.email(), r.managerId(), r.depth(), r.level(),
                    r.targetLevel(), r.readinessPercent(), r.readinessStatus(),
                    r.topGaps() == null ? null : String.join(";", r.topGaps()),
                    r.evidenceLast90Days() == null ? null : evidence(r.evidenceLast90Days()),
                    r.planStatus(), r.planProgressPercent(), r.lastAssessmentAt()));
        }
        return CsvTables.write(PEOPLE, rows);
    }

    private static String evidence(Map<String, Integer> byCompetency) {
        return byCompetency.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }
}
