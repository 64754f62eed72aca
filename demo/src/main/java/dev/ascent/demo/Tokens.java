package dev.ascent.demo;

import java.util.List;
import java.util.Locale;

/**
 * Bearer tokens for the people the demo acts as. The launcher signs them with the development key
 * ({@link DevKeyTokens}); the end-to-end tests pass tokens their own platform trusts. The person is
 * named by the {@code email} claim only: the gateway never takes a token's subject for a person id.
 */
@FunctionalInterface
public interface Tokens {

    /** The roles a token's {@code groups} claim may carry. */
    enum Role {
        MEMBER, MANAGER, ADMIN, INTEGRATION;

        /** As the {@code groups} claim spells it. */
        public String claim() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A bearer token (without the {@code Bearer } prefix) for {@code email} with {@code roles};
     * {@code source} is the integration source an {@link Role#INTEGRATION} token pushes to, else null.
     */
    String bearer(String email, List<Role> roles, String source);
}
