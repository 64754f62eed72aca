package dev.ascent.evidence.aggregate;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The shape of docs/service-contracts.md, "evidence strength". */
public record StrengthResponse(LocalDate asOf, List<PersonStrength> people) {

    public record PersonStrength(UUID personId, List<CompetencyStrength> competencies) {
    }

    public record CompetencyStrength(String competency, long confirmed, long verified, long stale,
                                     double weightedStrength, LocalDate lastOccurredAt,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) List<Item> items) {
    }

    /**
     * @param links      the item's links, so a promotion case can cite the work itself
     * @param verifiedBy who verified it (a manager above the person); {@code null} unless VERIFIED
     */
    public record Item(UUID id, String title, String kind, String status, LocalDate occurredAt,
                       double verificationFactor, double recencyFactor, double weight, List<String> links,
                       UUID verifiedBy) {
    }
}
