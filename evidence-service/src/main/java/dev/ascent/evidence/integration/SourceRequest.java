package dev.ascent.evidence.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Registers a tool. {@code secret} is the webhook secret: give the one the tool generated
 * (Linear does), or leave it out and one is generated. It is shown once, in the answer.
 */
public record SourceRequest(@NotNull SourceKind kind, @NotBlank @Size(max = 200) String name,
                            @Size(min = 16, max = 200) String secret) {
}
