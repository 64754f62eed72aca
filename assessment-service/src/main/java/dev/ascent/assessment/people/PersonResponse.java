package dev.ascent.assessment.people;

import java.time.Instant;
import java.util.UUID;

public record PersonResponse(UUID id, String name, String email, String level, String targetLevel,
                             UUID managerId, Instant createdAt, Instant updatedAt) {

    static PersonResponse of(Person p) {
        return new PersonResponse(p.id, p.name, p.email, p.level, p.targetLevel, p.managerId, p.createdAt, p.updatedAt);
    }
}
