package dev.ascent.assessment.people;

import java.util.UUID;

/** Someone in a manager's reporting tree; {@code depth} 1 is a direct report. */
public record ReportResponse(UUID id, String name, String email, String level, String targetLevel,
                             UUID managerId, int depth) {
}
