package dev.ascent.evidence.aggregate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record CountsRequest(@NotEmpty List<@Valid @NotNull Window> windows) {

    /** Evidence of this person dated on or after {@code since}. */
    public record Window(@NotNull UUID personId, @NotNull LocalDate since) {
    }
}
