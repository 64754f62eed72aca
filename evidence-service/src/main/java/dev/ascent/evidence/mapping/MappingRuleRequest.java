package dev.ascent.evidence.mapping;

import dev.ascent.evidence.vocabulary.EvidenceKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A rule as an admin writes it; empty criteria match anything. */
public record MappingRuleRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Integer priority,
        Boolean enabled,
        @Pattern(regexp = "GITHUB|JIRA|LINEAR|GENERIC", message = "must be GITHUB, JIRA, LINEAR or GENERIC") String source,
        @Size(max = 50) List<@NotBlank String> eventTypes,
        @Size(max = 50) List<@NotBlank String> labels,
        @Size(max = 50) List<@NotBlank String> issueTypes,
        @Size(max = 50) List<@NotBlank String> components,
        @Size(max = 50) List<@NotBlank String> keywords,
        @NotNull EvidenceKind kind,
        @NotEmpty @Size(max = 14) List<@NotBlank String> competencies) {
}
