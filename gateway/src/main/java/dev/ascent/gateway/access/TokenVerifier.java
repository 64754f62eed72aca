package dev.ascent.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ascent.gateway.GatewayConfig;
import dev.ascent.kit.problem.ApiProblem;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Verifies bearer tokens (RS256 or ES256, against the configured public key or JWKS URL, so any
 * OIDC provider works) and reads the caller's roles. Expired, unsigned, wrongly signed or
 * wrong-issuer tokens are 401 problems saying which. A token that verified is remembered for a
 * minute at most, never past its expiry: the benchmark's profile showed the RSA signature check as
 * the gateway's hottest method, repeated on every call a client makes with the same token. A token
 * that failed is remembered as failed for a few seconds, in a cache of its own (so a flood of
 * made-up tokens cannot push valid ones out), so that the rate limiter and the caller's resolution
 * in one request, or a client retrying it, check it once.
 */
@Singleton
public class TokenVerifier {

    private final JWTParser parser;
    private final GatewayConfig config;
    private final String issuer;
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();
    /** Tokens that failed, and why; short-lived, as a failure could have been the key's source being away. */
    private final Cache<String, String> rejected = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(10)).build();

    public TokenVerifier(JWTParser parser, GatewayConfig config,
                         @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        this.parser = parser;
        this.config = config;
        this.issuer = issuer.orElse("");
    }

    /** The production profile refuses the development signing key outright. */
    void refuseDevKeyInProduction(@Observes StartupEvent event) {
        if (config.auth().devIssuer().equals(issuer) && !config.auth().allowDevKey()) {
            throw new IllegalStateException("The gateway is configured to trust the development key (issuer "
                    + issuer + "), which this profile refuses; configure your identity provider's key and issuer "
                    + "(ASCENT_JWT_PUBLIC_KEY_LOCATION, ASCENT_JWT_ISSUER)");
        }
    }

    public JsonWebToken verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("This request needs a bearer token");
        }
        String raw = bearerToken(authorization);
        if (raw == null) {
            throw unauthorized("Only bearer tokens (or an integration's API key) are accepted");
        }
        JsonWebToken known = verified.getIfPresent(raw);
        if (known != null && known.getExpirationTime() > System.currentTimeMillis() / 1000) {
            return known;
        }
        String failed = rejected.getIfPresent(raw);
        if (failed != null) {
            throw unauthorized(failed);
        }
        try {
            JsonWebToken token = parser.parse(raw);
            verified.put(raw, token);
            return token;
        } catch (ParseException e) {
            verified.invalidate(raw);
            String reason = reason(e);
            rejected.put(raw, reason);
            throw unauthorized(reason);
        }
    }

    /**
     * The token of a bearer header when it is valid, however the header spells its scheme; empty
     * for anything else (no header, another scheme, an invalid token). Never throws; shares
     * {@link #verify}'s memory, so a token is checked once whichever of the two asks first.
     */
    public Optional<JsonWebToken> verified(String authorization) {
        if (authorization == null || bearerToken(authorization) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(verify(authorization));
        } catch (ApiProblem invalid) {
            return Optional.empty();
        }
    }

    /**
     * The token in a bearer header: the scheme in any capitalisation, then the token with the
     * blanks around it removed ({@code Bearer x}, {@code bearer x} and {@code BEARER  x} all carry
     * {@code x}); {@code null} when the header is not a bearer header.
     */
    static String bearerToken(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    private static String reason(ParseException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidJwtException invalid) {
            if (invalid.hasExpired()) {
                return "The token has expired";
            }
            if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                return "The token was issued by an issuer this platform does not trust";
            }
            if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                return "The token's signature is missing or does not verify";
            }
        }
        return "The token is not valid";
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Unauthorized", detail, List.of());
    }
}
