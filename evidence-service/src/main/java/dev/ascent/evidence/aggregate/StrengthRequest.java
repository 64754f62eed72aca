package dev.ascent.evidence.aggregate;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code asOf} defaults to today, {@code includeItems} to false. */
public record StrengthRequest(@NotEmpty List<@NotNull UUID> personIds, LocalDate asOf, Boolean includeItems) {
}
