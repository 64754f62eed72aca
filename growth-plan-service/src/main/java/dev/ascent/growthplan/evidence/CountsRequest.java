package dev.ascent.growthplan.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Which people's evidence to count, and from which day on. */
public record CountsRequest(List<Window> windows) {

    /**
     * One person's evidence dated on or after {@code since}; for each of {@code tags} (optional) the
     * answer also counts the items carrying that tag.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Window(UUID personId, LocalDate since, List<String> tags) {

        public Window(UUID personId, LocalDate since) {
            this(personId, since, List.of());
        }
    }
}
