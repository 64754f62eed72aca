package dev.ascent.growthplan.readiness;

import com.fasterxml.jackson.databind.JsonNode;

/** Readiness as read, with the whole answer kept for the plan's snapshot. */
public record ReadinessReport(Readiness readiness, JsonNode snapshot) {
}
