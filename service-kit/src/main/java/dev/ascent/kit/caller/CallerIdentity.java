package dev.ascent.kit.caller;

import java.util.Set;
import java.util.UUID;

/**
 * Who a verified gateway token names: its subject, the person it stands for (absent for the
 * gateway's own reads and for integrations), their roles and, for an integration, its source.
 */
public record CallerIdentity(String subject, UUID personId, Set<String> roles, String source) {

    /** Where the identity is kept on the request's routing context. */
    static final String KEY = "ascent.caller";

    public CallerIdentity {
        roles = Set.copyOf(roles);
    }
}
