package dev.ascent.assessment.people;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The directory looked up by email, many at once (evidence-service matches event actors with it). */
public final class DirectoryByEmail {

    private DirectoryByEmail() {
    }

    /** At most one batch's worth of emails (evidence-service takes 1,000 events a batch). */
    public record Request(@NotNull @NotEmpty @Size(max = 1000) List<@NotNull @Size(max = 320) String> emails) {
    }

    /** @param email as stored (lower-cased) */
    public record Match(String email, UUID personId) {
    }

    /** Only the emails someone in the directory has; the others are absent. */
    public record Response(List<Match> people) {
    }
}
