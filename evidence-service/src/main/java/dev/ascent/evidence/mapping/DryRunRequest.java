package dev.ascent.evidence.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A sample payload to try the rules on: as the tool would send it to its webhook (GitHub's event
 * name goes in {@code event}, the others name it in the payload), or one generic batch event.
 */
public record DryRunRequest(
        @NotNull @Pattern(regexp = "GITHUB|JIRA|LINEAR|GENERIC", message = "must be GITHUB, JIRA, LINEAR or GENERIC") String source,
        @Size(max = 100) String event,
        @NotNull JsonNode payload) {
}
