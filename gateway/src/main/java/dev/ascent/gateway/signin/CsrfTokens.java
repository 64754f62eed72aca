package dev.ascent.gateway.signin;

import dev.ascent.kit.problem.ApiProblem;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * The CSRF token of a cookie session: an HMAC of what makes the session itself, so it is the same for
 * the session's whole life, differs between sessions, and cannot be made without the gateway's key. A
 * cross-site page can make the browser send the cookie but cannot read the token to send beside it.
 */
@Singleton
public class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";

    private final byte[] key;

    public CsrfTokens(SessionSecrets secrets) {
        this.key = secrets.key("csrf-token");
    }

    public String of(BrowserSession session) {
        byte[] mac = SessionSecrets.hmac(key, (session.method() + ":" + session.key()).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** Passes when {@code presented} is the session's token; else a 403 problem. */
    public void require(BrowserSession session, String presented) {
        boolean valid = presented != null && MessageDigest.isEqual(
                of(session).getBytes(StandardCharsets.US_ASCII), presented.trim().getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            throw new ApiProblem(403, "csrf-token-invalid", "Forbidden", presented == null
                    ? "A change made with a session cookie needs the session's CSRF token in " + HEADER
                    : "The CSRF token is not this session's", List.of());
        }
    }
}
