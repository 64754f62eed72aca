package dev.ascent.evidence.integration;

import java.util.Locale;

/** How a tool names a user. Logins and emails are case-insensitive; ids are kept as sent. */
public enum IdentityKind {
    GITHUB_LOGIN, JIRA_ACCOUNT_ID, LINEAR_USER_ID, EMAIL;

    public String normalise(String externalId) {
        String trimmed = externalId.trim();
        return this == GITHUB_LOGIN || this == EMAIL ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }
}
