package dev.ascent.assessment.review;

import dev.ascent.kit.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "Self, manager and peer assessments, and calibration")
public class ReviewResource {

    private final ReviewService reviews;

    public ReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @POST
    @Path("assessments")
    @Operation(summary = "Start a draft assessment (self, manager or invited peer) as the caller")
    @APIResponse(responseCode = "201", description = "The new draft", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewDtos.AssessmentResponse.class)))
    public Response start(@Valid @NotNull ReviewDtos.AssessmentRequest body) {
        return Response.status(201).entity(reviews.start(body)).build();
    }

    @GET
    @Path("assessments/{id}")
    @Operation(summary = "Read one assessment")
    public ReviewDtos.AssessmentResponse get(@PathParam("id") UUID id) {
        return reviews.find(id).orElseThrow(() -> ApiProblem.notFound("Assessment", id));
    }

    @PUT
    @Path("assessments/{id}/ratings")
    @Operation(summary = "Replace the ratings of your draft")
    public ReviewDtos.AssessmentResponse rate(@PathParam("id") UUID id, @Valid @NotNull ReviewDtos.RatingsUpdate body) {
        return reviews.updateRatings(id, body);
    }

    @POST
    @Path("assessments/{id}/submit")
    @Operation(summary = "Submit your draft; it never changes afterwards")
    public ReviewDtos.AssessmentResponse submit(@PathParam("id") UUID id) {
        return reviews.submit(id);
    }

    @GET
    @Path("people/{id}/assessments")
    @Operation(summary = "A person's assessments, newest first")
    public List<ReviewDtos.AssessmentResponse> ofPerson(@PathParam("id") UUID id,
                                                        @QueryParam("limit") @Min(1) @Max(200) Integer limit) {
        return reviews.ofPerson(id, limit == null ? 50 : limit);
    }

    @GET
    @Path("people/{id}/peer-ratings")
    @Operation(summary = "A person's ratings by their invited peers, per competency: count and average, never who")
    public ReviewDtos.PeerRatings peerRatings(@PathParam("id") UUID id) {
        return reviews.peerRatings(id);
    }

    @POST
    @Path("calibrations")
    @Operation(summary = "Set a calibrated rating with its rationale; earlier calibrations stay in the history")
    public Response calibrate(@Valid @NotNull ReviewDtos.CalibrationRequest body) {
        return Response.status(201).entity(reviews.calibrate(body)).build();
    }

    @GET
    @Path("people/{id}/calibrations")
    @Operation(summary = "A person's calibration history, newest first")
    public List<ReviewDtos.CalibrationResponse> calibrations(@PathParam("id") UUID id,
                                                            @QueryParam("limit") @Min(1) @Max(200) Integer limit) {
        return reviews.calibrations(id, limit == null ? 50 : limit);
    }
}
