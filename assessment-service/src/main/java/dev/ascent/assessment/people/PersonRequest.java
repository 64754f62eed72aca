package dev.ascent.assessment.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** What a client sends to add someone to the directory. */
public record PersonRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank String level,
        String targetLevel,
        UUID managerId,
        Boolean founderLed) {
}
