package dev.ascent.evidence.aggregate;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * Whose evidence strength changed: a version per person that moves whenever their counted evidence
 * does (kept by the database's triggers, V8). Equal versions mean equal strength on the same day,
 * so a reader may keep figures it computed and recompute only the people whose version moved.
 */
public final class StrengthVersions {

    private StrengthVersions() {
    }

    @Schema(name = "StrengthVersionsRequest")
    public record Request(@NotEmpty List<@NotNull UUID> personIds) {
    }

    /** @param versions one per person named who has ever had counted evidence; the others are at version 0 */
    @Schema(name = "StrengthVersionsResponse")
    public record Response(List<PersonVersion> versions) {
    }

    @Schema(name = "PersonStrengthVersion")
    public record PersonVersion(UUID personId, long version) {
    }
}
