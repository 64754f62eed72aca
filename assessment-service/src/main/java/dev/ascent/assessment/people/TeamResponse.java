package dev.ascent.assessment.people;

import java.util.List;
import java.util.UUID;

/** A manager's team, everyone in one answer, in creation order. */
public record TeamResponse(UUID managerId, boolean allLevels, List<ReportResponse> people) {
}
