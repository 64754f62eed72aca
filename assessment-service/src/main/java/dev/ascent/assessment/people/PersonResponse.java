package dev.ascent.assessment.people;

import java.time.Instant;
import java.util.UUID;

/**
 * @param founderLed          the person's own (team) setting, {@code null} when inherited
 * @param effectiveFounderLed what applies to them: their own, else their nearest manager's, else the organisation's
 */
public record PersonResponse(UUID id, String name, String email, String level, String targetLevel,
                             UUID managerId, Boolean founderLed, boolean effectiveFounderLed,
                             Instant createdAt, Instant updatedAt) {

    public static PersonResponse of(Person p, boolean effectiveFounderLed) {
        return new PersonResponse(p.id, p.name, p.email, p.level, p.targetLevel, p.managerId, p.founderLed,
                effectiveFounderLed, p.createdAt, p.updatedAt);
    }
}
