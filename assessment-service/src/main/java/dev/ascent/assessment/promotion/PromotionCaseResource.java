package dev.ascent.assessment.promotion;

import dev.ascent.kit.paging.Page;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/promotion-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Promotion cases", description = "Promotion cases assembled from the record, argued, reviewed and decided")
public class PromotionCaseResource {

    static final String MARKDOWN = "text/markdown";
    static final String PDF = "application/pdf";

    private final PromotionCaseService cases;

    public PromotionCaseResource(PromotionCaseService cases) {
        this.cases = cases;
    }

    @POST
    @Operation(summary = "Open a case for a person and a target level, assembled from their readiness, ratings and evidence")
    @APIResponse(responseCode = "201", description = "The new draft case; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseDtos.CaseView.class)))
    @APIResponse(responseCode = "409", description = "The person has an undecided case",
            content = @Content(mediaType = "application/problem+json"))
    public Response open(@Valid @NotNull CaseDtos.Open body, @jakarta.ws.rs.core.Context UriInfo uri) {
        CaseDtos.CaseView view = cases.open(body);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Operation(summary = "The cases the caller may see, newest first: their own, their line's, those they review (admins: all)")
    public Page<CaseDtos.CaseSummary> list(@QueryParam("personId") UUID personId,
                                           @Parameter(description = "DRAFT, SUBMITTED, IN_REVIEW or DECIDED",
                                                   schema = @Schema(implementation = CaseRules.Status.class))
                                           @QueryParam("status") String status,
                                           @QueryParam("cursor") String cursor,
                                           @QueryParam("limit") @Min(1) @Max(200) Integer limit) {
        return cases.list(personId, status(status), cursor, limit == null ? 50 : limit);
    }

    /** Parsed here, so a wrong value is a 400 naming the parameter rather than JAX-RS's 404. */
    static CaseRules.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CaseRules.Status.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw dev.ascent.kit.problem.ApiProblem.invalidField("status",
                    "must be one of " + java.util.Arrays.toString(CaseRules.Status.values()));
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A case: its frozen record, narratives, reviewers, comments, decision, history and what the caller may do")
    public CaseDtos.CaseView get(@PathParam("id") UUID id) {
        return cases.get(id);
    }

    @POST
    @Path("{id}/snapshot")
    @Operation(summary = "Take the draft's readiness snapshot again from the record as it stands")
    public CaseDtos.CaseView refresh(@PathParam("id") UUID id) {
        return cases.refresh(id);
    }

    @PUT
    @Path("{id}/narrative")
    @Operation(summary = "Write the caller's narrative: the person's own, or the manager's by a manager above them")
    public CaseDtos.CaseView narrative(@PathParam("id") UUID id, @Valid @NotNull CaseDtos.NarrativeText body) {
        return cases.writeNarrative(id, body);
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit a draft whose two narratives answer every prompt")
    public CaseDtos.CaseView submit(@PathParam("id") UUID id) {
        return cases.submit(id);
    }

    @POST
    @Path("{id}/reviewers")
    @Operation(summary = "Invite a manager above the person to review; the first invitation puts a submitted case in review")
    public CaseDtos.CaseView invite(@PathParam("id") UUID id, @Valid @NotNull CaseDtos.Invitation body) {
        return cases.invite(id, body);
    }

    @POST
    @Path("{id}/comments")
    @Operation(summary = "Comment on a case in review (invited reviewers and admins)")
    public CaseDtos.CaseView comment(@PathParam("id") UUID id, @Valid @NotNull CaseDtos.CommentText body) {
        return cases.comment(id, body);
    }

    @PUT
    @Path("{id}/comments/{commentId}")
    @Operation(summary = "Change one's own comment while the case is in review")
    public CaseDtos.CaseView editComment(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId,
                                         @Valid @NotNull CaseDtos.CommentText body) {
        return cases.editComment(id, commentId, body);
    }

    @POST
    @Path("{id}/decision")
    @Operation(summary = "Decide a case in review: PROMOTED moves the person's level and begins the next plan; NOT_YET names the gaps")
    public CaseDtos.CaseView decide(@PathParam("id") UUID id, @Valid @NotNull CaseDtos.Decision body) {
        return cases.decide(id, body);
    }

    @GET
    @Path("{id}/export.md")
    @Produces(MARKDOWN)
    @Operation(summary = "The case as Markdown, every evidence link included")
    @APIResponse(responseCode = "200", description = "The case as a Markdown document", content = @Content(
            mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING)))
    public Response markdown(@PathParam("id") UUID id) {
        CaseDtos.CaseView view = cases.get(id);
        return attachment(CaseMarkdown.render(view), MARKDOWN + "; charset=utf-8", view, ".md");
    }

    @GET
    @Path("{id}/export.pdf")
    @Produces(PDF)
    @Operation(summary = "The case as a PDF, every evidence link included")
    @APIResponse(responseCode = "200", description = "The case as a PDF document", content = @Content(
            mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pdf(@PathParam("id") UUID id) {
        CaseDtos.CaseView view = cases.get(id);
        return attachment(CasePdf.render(view), PDF, view, ".pdf");
    }

    private static Response attachment(Object body, String type, CaseDtos.CaseView view, String extension) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(view) + extension + "\"").build();
    }

    /** Letters, digits and dashes only: a name never breaks out of the header. */
    static String fileName(CaseDtos.CaseView view) {
        String who = view.person().name() == null ? "" : view.person().name();
        String slug = (who + "-" + view.targetLevel()).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return "promotion-case-" + (slug.isEmpty() ? view.id().toString() : slug);
    }
}
