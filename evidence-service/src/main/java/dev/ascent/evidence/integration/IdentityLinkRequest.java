package dev.ascent.evidence.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Links a tool's user to a person. {@code identityKind} defaults to the source's own (GitHub
 * login, Jira accountId, Linear user id; email for generic sources); {@code EMAIL} may be linked
 * on any source, for tools that send their users' emails.
 */
public record IdentityLinkRequest(IdentityKind identityKind, @NotBlank @Size(max = 320) String externalId,
                                  @NotNull UUID personId) {
}
