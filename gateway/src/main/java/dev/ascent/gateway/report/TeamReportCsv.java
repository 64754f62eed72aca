package dev.ascent.gateway.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The people of a team report as RFC 4180 CSV (UTF-8, header row, quoted where needed by
 * Jackson's CSV writer). Unavailable values are empty cells; lists are joined with {@code ;}.
 */
final class TeamReportCsv {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("person_id").addColumn("name").addColumn("email").addColumn("manager_id").addColumn("depth")
            .addColumn("level").addColumn("target_level").addColumn("readiness_percent").addColumn("readiness_status")
            .addColumn("top_gaps").addColumn("evidence_90d").addColumn("plan_status").addColumn("plan_progress_percent")
            .addColumn("last_assessment_at")
            .setUseHeader(true)
            .build();

    private TeamReportCsv() {
    }

    static String render(TeamReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (TeamReport.Row r : report.people()) {
            rows.add(List.of(s(r.personId()), s(r.name()), s(r.email()), s(r.managerId()), s(r.depth()), s(r.level()),
                    s(r.targetLevel()), s(r.readinessPercent()), s(r.readinessStatus()),
                    r.topGaps() == null ? "" : String.join(";", r.topGaps()),
                    r.evidenceLast90Days() == null ? "" : evidence(r.evidenceLast90Days()),
                    s(r.planStatus()), s(r.planProgressPercent()), s(r.lastAssessmentAt())));
        }
        try {
            return MAPPER.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String evidence(Map<String, Integer> byCompetency) {
        return byCompetency.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }

    private static String s(Object value) {
        return value == null ? "" : value.toString();
    }
}
