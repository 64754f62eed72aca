package dev.ascent.assessment.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and answers of the assessments and calibrations API. */
public final class ReviewDtos {

    private ReviewDtos() {
    }

    public record RatingInput(@NotBlank String competency, @NotNull @Min(1) @Max(5) Integer rating,
                              @Size(max = 4000) String comment) {
    }

    /** The assessor is the caller; SELF assessments are of the caller. */
    public record AssessmentRequest(@NotNull UUID cycleId, @NotNull UUID subjectId, @NotNull Assessment.Kind kind,
                                    @NotNull @Size(max = 50) List<@Valid @NotNull RatingInput> ratings) {
    }

    public record RatingsUpdate(@NotNull @Size(max = 50) List<@Valid @NotNull RatingInput> ratings) {
    }

    public record AssessmentResponse(UUID id, UUID cycleId, UUID subjectId, UUID assessorId, Assessment.Kind kind,
                                     Assessment.Status status, int frameworkVersion, List<RatingInput> ratings,
                                     Instant createdAt, Instant updatedAt, Instant submittedAt) {

        static AssessmentResponse of(Assessment a) {
            return new AssessmentResponse(a.id, a.cycleId, a.subjectId, a.assessorId, a.kind, a.status,
                    a.frameworkVersion,
                    a.ratings.stream().map(r -> new RatingInput(r.competency, (int) r.rating, r.comment)).toList(),
                    a.createdAt, a.updatedAt, a.submittedAt);
        }

        /** Whose it is and where it stands, without what it says. */
        static AssessmentResponse withoutRatings(Assessment a) {
            return new AssessmentResponse(a.id, a.cycleId, a.subjectId, a.assessorId, a.kind, a.status,
                    a.frameworkVersion, List.of(), a.createdAt, a.updatedAt, a.submittedAt);
        }
    }

    /** Peers' ratings of one person, aggregated per competency; never who gave them. */
    public record PeerRatings(UUID subjectId, List<PeerRating> competencies) {
    }

    public record PeerRating(String competency, int count, double average) {
    }

    public record CalibrationRequest(@NotNull UUID subjectId, @NotBlank String competency,
                                     @NotNull @Min(1) @Max(5) Integer rating,
                                     @NotBlank @Size(max = 4000) String rationale, UUID cycleId) {
    }

    public record CalibrationResponse(UUID id, UUID subjectId, UUID cycleId, String competency, int rating,
                                      String rationale, UUID calibratedBy, int frameworkVersion, Instant createdAt) {
    }
}
