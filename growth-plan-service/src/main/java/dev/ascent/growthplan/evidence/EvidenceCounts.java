package dev.ascent.growthplan.evidence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * Confirmed or verified evidence per person, kind and competency, and per tag for the tags asked for
 * ({@code tag} is null on the untagged counts); only non-zero counts are listed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvidenceCounts(List<Count> counts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Count(UUID personId, String kind, String competency, String tag, int count) {
    }
}
