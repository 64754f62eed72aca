package dev.ascent.evidence.log;

import dev.ascent.evidence.vocabulary.EvidenceKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a person sends to log (or edit) an evidence item by hand. {@code personId} is the owner;
 * on edit it may not change. Links must be absolute http(s) URLs.
 */
public record EvidenceRequest(
        @NotNull UUID personId,
        @NotNull EvidenceKind kind,
        @NotEmpty @Size(max = 14) List<@NotBlank String> competencies,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 4000) String summary,
        @Size(max = 20) List<@NotBlank @Size(max = 2000) @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https URL") String> links,
        @Size(max = 2000) String impact,
        @NotNull LocalDate occurredAt) {
}
