package dev.ascent.gateway.me;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

/**
 * Everything a person opens the app for, in one answer: who they are, how ready they are for the
 * next level, their active plan with its progress, and their latest evidence. Parts a service could
 * not supply are {@code null} and named in {@code unavailable}. The answer's schema: {@link MyOverviewService}
 * writes it from the services' own bytes.
 */
public record MyOverview(UUID personId, JsonNode profile, JsonNode readiness, JsonNode activePlan,
                         JsonNode recentEvidence, List<String> unavailable) {
}
