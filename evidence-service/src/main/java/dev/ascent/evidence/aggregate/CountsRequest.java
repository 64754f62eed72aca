package dev.ascent.evidence.aggregate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record CountsRequest(@NotEmpty List<@Valid @NotNull Window> windows) {

    /**
     * Evidence of this person dated on or after {@code since}. For each of {@code tags} (optional, at
     * most 200) the answer also counts the items that carry the tag as a whole word, case-insensitive,
     * in their title, summary or links.
     */
    public record Window(@NotNull UUID personId, @NotNull LocalDate since,
                         @Size(max = 200) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}",
                                 message = "use 2-40 lower-case letters, digits and dashes") String> tags) {

        public Window(UUID personId, LocalDate since) {
            this(personId, since, null);
        }

        public List<String> tagsOrNone() {
            return tags == null ? List.of() : tags;
        }
    }
}
