package dev.ascent.assessment.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A full replacement of a person's editable fields (email is the identity and does not change here). */
public record PersonUpdate(
        @NotBlank @Size(max = 200) String name,
        @NotBlank String level,
        String targetLevel,
        UUID managerId,
        Boolean founderLed) {
}
