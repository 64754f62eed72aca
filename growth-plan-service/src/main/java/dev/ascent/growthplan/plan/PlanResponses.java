package dev.ascent.growthplan.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ascent.growthplan.playbook.ActionCategory;
import dev.ascent.kit.answers.IncompleteAnswer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the plan endpoints answer. */
public final class PlanResponses {

    private PlanResponses() {
    }

    /**
     * A plan with its actions and their progress. When evidence-service cannot be reached,
     * {@code progressStale} is true and the progress figures are null.
     */
    public record PlanView(
            UUID id,
            UUID personId,
            PlanStatus status,
            String currentLevel,
            String currentTier,
            String targetLevel,
            String targetTier,
            boolean founderLed,
            int horizonDays,
            LocalDate startsOn,
            LocalDate endsOn,
            int frameworkVersion,
            int playbookVersion,
            List<PlanFocus.Competency> focus,
            List<String> uncovered,
            boolean progressStale,
            Integer progressPercent,
            Integer actionsDone,
            int actionsTotal,
            List<ActionView> actions,
            UUID supersedesId,
            UUID supersededById,
            JsonNode readinessSnapshot,
            Instant createdAt,
            Instant updatedAt) implements IncompleteAnswer {
        /** Progress could not be measured (evidence-service unreachable): true of this moment only. */
        @Override
        @JsonIgnore
        public boolean incomplete() {
            return progressStale;
        }
    }

    public record ActionView(
            UUID id,
            int position,
            String code,
            String competency,
            ActionCategory category,
            String title,
            String why,
            String how,
            /* What the action leaves behind for a reviewer; null for actions of playbook versions published before actions named one. */
            String artefact,
            Integer durationDays,
            LocalDate dueOn,
            Boolean done,
            List<EvidenceView> evidence,
            String swappedFrom) {
    }

    /**
     * Evidence an action expects; {@code tag}, when present, must be carried by the evidence (whole word in
     * its title, summary or links) for it to match. {@code matched} is null when progress is stale.
     */
    public record EvidenceView(String kind, String competency, String tag, int count, Integer matched) {
    }

    /** A plan in a person's history, without progress. */
    public record PlanSummary(UUID id, UUID personId, PlanStatus status, String targetLevel, LocalDate startsOn,
                              LocalDate endsOn, int playbookVersion, UUID supersedesId, UUID supersededById,
                              Instant createdAt) {
    }

    public record CheckInView(UUID id, UUID planId, UUID authorId, AuthorRole authorRole, String note, LocalDate date,
                              Instant createdAt) {
    }

    /** Each person asked about, in the order asked; plan fields are null for people without a plan. */
    public record BulkStatus(boolean progressStale, List<PersonStatus> people) {
    }

    public record PersonStatus(UUID personId, UUID planId, PlanStatus status, Integer progressPercent,
                               Integer actionsDone, Integer actionsTotal) {
    }
}
