package dev.ascent.evidence.aggregate;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

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

    public record Request(@NotEmpty List<@NotNull UUID> personIds) {
    }

    /** @param versions one per person named who has ever had counted evidence; the others are at version 0 */
    public record Response(List<PersonVersion> versions) {
    }

    public record PersonVersion(UUID personId, long version) {
    }
}
