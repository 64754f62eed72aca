package dev.ascent.gateway.signin;

import dev.ascent.gateway.access.Caller;

import java.util.Set;

/**
 * A browser signed in by cookie.
 *
 * @param method        {@code oidc} (the provider's code flow) or {@code dev} (the development sign-in)
 * @param key           what makes this session itself and no other (the raw ID token, or the development
 *                      session's random id); its CSRF token is derived from it
 * @param idToken       the ID token, for the provider's sign-out ({@code null} for development sessions)
 * @param endSessionUri the provider's end-session endpoint, if it has one
 */
public record BrowserSession(String method, String key, String email, String name, Set<Caller.Role> roles,
                             String idToken, String endSessionUri) {

    public static final String OIDC = "oidc";
    public static final String DEV = "dev";
}
