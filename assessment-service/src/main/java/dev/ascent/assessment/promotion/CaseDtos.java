package dev.ascent.assessment.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Requests and answers of the promotion cases API. */
public final class CaseDtos {

    static final int MAX_TEXT = 8000;

    private CaseDtos() {
    }

    // ---- requests ---------------------------------------------------------------------------------

    /** @param targetLevel default: the person's target level, else the level after theirs */
    @Schema(name = "PromotionCaseOpen")
    public record Open(@NotNull UUID personId,
                       @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be a level code such as SENIOR_PM")
                       String targetLevel) {
    }

    /** A narrative answers three guiding prompts (see {@link Prompts}). */
    @Schema(name = "NarrativeText")
    public record NarrativeText(@NotNull @Size(max = MAX_TEXT) String whatIDid,
                                @NotNull @Size(max = MAX_TEXT) String impact,
                                @NotNull @Size(max = MAX_TEXT) String whatNext) {
    }

    @Schema(name = "ReviewerInvitation")
    public record Invitation(@NotNull UUID reviewerId) {
    }

    @Schema(name = "CommentText")
    public record CommentText(@NotBlank @Size(max = MAX_TEXT) String body) {
    }

    /** @param note what closing it would look like (optional) */
    @Schema(name = "PromotionGap")
    public record Gap(@NotBlank @Size(max = 80) String competency, @Size(max = 2000) String note) {
    }

    /**
     * @param gaps for NOT_YET, the competencies to close (at least one); none for PROMOTED
     */
    @Schema(name = "PromotionDecision")
    public record Decision(@NotNull Outcome outcome, @NotBlank @Size(max = MAX_TEXT) String rationale,
                           @Size(max = 40) List<@Valid @NotNull Gap> gaps) {
    }

    @Schema(name = "PromotionOutcome")
    public enum Outcome { PROMOTED, NOT_YET }

    // ---- the frozen record ------------------------------------------------------------------------

    @Schema(name = "CasePerson")
    public record Person(UUID id, String name) {
    }

    @Schema(name = "CaseCalibration")
    public record Calibration(int rating, String rationale, Person by, Instant at) {
    }

    @Schema(name = "CaseEvidenceItem")
    public record EvidenceItem(String id, String title, String kind, String status, String occurredAt, double weight,
                               List<String> links, Person verifiedBy) {
    }

    /**
     * One expected competency as it stood when the snapshot was taken.
     *
     * @param peerRating the mean of the invited peers' latest ratings (peers are never named)
     * @param evidence   the evidence that counted (weight above zero), heaviest first
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "CaseCompetency")
    public record CompetencyRecord(String competency, String name, String focus, int expected, int evidenceRequired,
                                   Integer selfRating, Integer managerRating, Double peerRating,
                                   Integer calibratedRating, Calibration calibration, Double effectiveRating,
                                   Double evidenceStrength, String verdict, List<EvidenceItem> evidence) {
    }

    /** Readiness for the target level, frozen when the case was opened (or last refreshed as a draft). */
    @Schema(name = "CaseSnapshot")
    public record Snapshot(Instant takenAt, int frameworkVersion, String currentLevel, String targetLevel,
                           String targetTier, int readinessPercent, String status, boolean founderLed,
                           String credibility, List<CompetencyRecord> competencies) {
    }

    // ---- answers ----------------------------------------------------------------------------------

    @Schema(name = "NarrativePrompts")
    public record Prompts(String whatIDid, String impact, String whatNext) {
    }

    @Schema(name = "CaseNarrative")
    public record Narrative(String role, Person author, Prompts prompts, String whatIDid, String impact,
                            String whatNext, Instant updatedAt) {
    }

    @Schema(name = "CaseReviewer")
    public record Reviewer(Person reviewer, Person invitedBy, Instant invitedAt) {
    }

    @Schema(name = "CaseComment")
    public record Comment(UUID id, Person author, String body, Instant createdAt, Instant updatedAt) {
    }

    @Schema(name = "CaseDecision")
    public record DecisionRecord(Outcome outcome, String rationale, List<Gap> gaps, Person decidedBy,
                                 Instant decidedAt) {
    }

    /** @param planId the plan that began for the next target; {@code problem} says why none did */
    @Schema(name = "NextPlan")
    public record NextPlan(UUID planId, String problem) {
    }

    @Schema(name = "CaseEvent")
    public record Event(Person actor, String action, String detail, Instant at) {
    }

    /**
     * A whole case as the caller may see it.
     *
     * @param allowed    what the caller may do now (the screen offers only these)
     * @param reviewerCandidates who the caller may invite: the managers above the person not yet
     *                   invited, nearest first (empty unless the caller may invite)
     * @param narratives the person's and the manager's, each with the prompts it answers; a narrative
     *                   not yet written has no author and empty answers
     * @param history    every change, with who and when, oldest first
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "PromotionCase")
    public record CaseView(UUID id, Person person, Person openedBy, String fromLevel, String targetLevel,
                           CaseRules.Status status, Snapshot snapshot, List<Narrative> narratives,
                           List<Reviewer> reviewers, List<Comment> comments, DecisionRecord decision,
                           NextPlan nextPlan, Set<CaseRules.Action> allowed, List<Person> reviewerCandidates,
                           List<Event> history,
                           Instant createdAt, Instant submittedAt, Instant updatedAt) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "PromotionCaseSummary")
    public record CaseSummary(UUID id, Person person, String fromLevel, String targetLevel, CaseRules.Status status,
                              Outcome outcome, int readinessPercent, String readinessStatus, Instant createdAt,
                              Instant updatedAt) {
    }
}
