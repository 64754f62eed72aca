package dev.ascent.growthplan.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Which people's evidence to count, and from which day on. */
public record CountsRequest(List<Window> windows) {

    public record Window(UUID personId, LocalDate since) {
    }
}
