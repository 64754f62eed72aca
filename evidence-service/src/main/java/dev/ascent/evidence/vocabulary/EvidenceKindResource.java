package dev.ascent.evidence.vocabulary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/** The evidence kinds, for the other services (playbooks name them) and for people choosing one. */
@Path("/api/v1/evidence-kinds")
@Tag(name = "Evidence", description = "The evidence log and its status flow")
public class EvidenceKindResource {

    /** One kind: its code as the API names it, and words for people. */
    @Schema(name = "EvidenceKindDescription")
    public record Kind(@Schema(required = true) EvidenceKind code, @Schema(required = true) String name,
                       @Schema(required = true) String description) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listEvidenceKinds", summary = "List the kinds of evidence, in the order people choose from")
    public List<Kind> kinds() {
        return Arrays.stream(EvidenceKind.values()).map(k -> new Kind(k, k.label(), k.description())).toList();
    }
}
