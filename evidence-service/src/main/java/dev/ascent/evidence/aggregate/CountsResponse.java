package dev.ascent.evidence.aggregate;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * Only non-zero counts are listed. A count without {@code tag} is every item of the kind and
 * competency; one with a {@code tag} counts only the items carrying that tag (one of the tags its
 * window asked for), so it is also part of the untagged count.
 */
public record CountsResponse(List<Count> counts) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Count(UUID personId, String kind, String competency, String tag, long count) {
    }
}
