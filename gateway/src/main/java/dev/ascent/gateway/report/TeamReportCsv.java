package dev.ascent.gateway.report;

import dev.ascent.kit.csv.CsvTables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A team report as CSV, written by {@link CsvTables} (so text cells are neutralised against formula
 * injection and the report's own numbers are left as they are): the people, one row each, or the
 * team's competency heatmap, one row per competency. Unavailable values are empty cells; lists are
 * joined with {@code ;}.
 */
final class TeamReportCsv {

    private static final List<String> PEOPLE = List.of("person_id", "name", "email", "manager_id", "depth", "level",
            "target_level", "readiness_percent", "readiness_status", "top_gaps", "evidence_90d", "plan_status",
            "plan_progress_percent", "last_assessment_at", "opinion_only", "under_recognised");
    private static final List<String> HEATMAP = List.of("competency", "team_average", "expected_average", "gap",
            "rated", "expected_of");

    private TeamReportCsv() {
    }

    static String people(TeamReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (TeamReport.Row r : report.people()) {
            rows.add(Arrays.asList(r.personId(), r.name(), r.email(), r.managerId(), r.depth(), r.level(),
                    r.targetLevel(), r.readinessPercent(), r.readinessStatus(),
                    r.topGaps() == null ? null : String.join(";", r.topGaps()),
                    r.evidenceLast90Days() == null ? null : evidence(r.evidenceLast90Days()),
                    r.planStatus(), r.planProgressPercent(), r.lastAssessmentAt(),
                    signals(r.signals(), "OPINION_ONLY"), signals(r.signals(), "UNDER_RECOGNISED")));
        }
        return CsvTables.write(PEOPLE, rows);
    }

    /** {@code gap} is the expected average less the team's, so a team above expectations has a negative gap. */
    static String heatmap(TeamReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (TeamReport.HeatmapCell c : report.heatmap()) {
            rows.add(Arrays.asList(c.competency(), c.teamAverage(), c.expectedAverage(), c.gap(), c.rated(),
                    c.expectedOf()));
        }
        return CsvTables.write(HEATMAP, rows);
    }

    /** The competencies with the signal, joined with {@code ;}; empty when readiness was unavailable. */
    private static String signals(List<TeamReport.Signal> signals, String kind) {
        return signals == null ? null : signals.stream().filter(s -> kind.equals(s.signal()))
                .map(TeamReport.Signal::competency).collect(Collectors.joining(";"));
    }

    private static String evidence(Map<String, Integer> byCompetency) {
        return byCompetency.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }
}
