package dev.ascent.evidence.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Links a tool's user to a person: the identity kind is the source's (GitHub login, Jira accountId, …). */
public record IdentityLinkRequest(@NotBlank @Size(max = 320) String externalId, @NotNull UUID personId) {
}
