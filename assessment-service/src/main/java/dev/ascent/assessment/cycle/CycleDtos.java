package dev.ascent.assessment.cycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Requests and answers of the cycles API. */
public final class CycleDtos {

    private CycleDtos() {
    }

    public record CycleRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotEmpty @Size(max = 10_000) List<@NotNull UUID> participantIds) {
    }

    public record CycleSummary(UUID id, String name, LocalDate startsOn, LocalDate endsOn, int frameworkVersion,
                               int participants, Instant createdAt) {
    }

    public record CycleDetail(UUID id, String name, LocalDate startsOn, LocalDate endsOn, int frameworkVersion,
                              Instant createdAt, int complete, List<ParticipantStatus> participants) {
    }

    /**
     * Where one participant stands: each of {@code self} and {@code manager} is {@code MISSING},
     * {@code DRAFT} or {@code SUBMITTED}; complete when both are submitted and every invited peer submitted.
     */
    public record ParticipantStatus(UUID personId, String self, String manager, int peersInvited,
                                    int peersSubmitted, boolean complete) {
    }

    /**
     * A cycle someone takes part in, with where their self-assessment stands: {@code MISSING},
     * {@code DRAFT} or {@code SUBMITTED}. A draft is its author's alone, so anyone else sees
     * {@code MISSING} and no id until it is submitted.
     */
    public record ParticipantCycle(UUID id, String name, LocalDate startsOn, LocalDate endsOn, int frameworkVersion,
                                   @Schema(enumeration = {"MISSING", "DRAFT", "SUBMITTED"}) String selfStatus,
                                   UUID selfAssessmentId) {
    }

    public record PeerInvitationRequest(@NotNull UUID subjectId, @NotNull UUID peerId) {
    }

    public record PeerInvitation(UUID cycleId, UUID subjectId, UUID peerId, Instant invitedAt) {
    }
}
