package dev.ascent.assessment.people;

import java.util.List;
import java.util.UUID;

/** Everyone above a person in the reporting line, nearest manager first. */
public record ManagementLine(UUID personId, List<UUID> managers) {
}
