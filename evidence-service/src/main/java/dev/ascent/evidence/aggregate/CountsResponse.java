package dev.ascent.evidence.aggregate;

import java.util.List;
import java.util.UUID;

/** Only non-zero counts are listed. */
public record CountsResponse(List<Count> counts) {

    public record Count(UUID personId, String kind, String competency, long count) {
    }
}
