package dev.ascent.kit.caller;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.ascent.kit.KitConfig;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies the gateway's tokens (ES256, issuer and expiry per {@code mp.jwt.verify.*}) and remembers
 * each verdict until the token expires, in bounded memory. The gateway reuses a caller's token
 * while it is fresh, so a signature is checked once per caller and minute rather than on every call:
 * P-256 verification was most of the services' CPU time under load.
 */
@ApplicationScoped
public class VerifiedTokens {

    private final JWTParser parser;
    private final Cache<String, Verified> verified;
    private final AtomicLong signatureChecks = new AtomicLong();

    public VerifiedTokens(JWTParser parser, KitConfig config) {
        this.parser = parser;
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.access().verifiedTokenCacheSize())
                .expireAfter(new UntilTokenExpiry())
                .build();
    }

    /** The identity the token names, or empty when it is not a valid gateway token now. */
    public Optional<CallerIdentity> verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null && known.expiresAt() > System.currentTimeMillis()) {
            return Optional.of(known.identity());
        }
        signatureChecks.incrementAndGet();
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            return Optional.empty();
        }
        CallerIdentity identity = new CallerIdentity(jwt.getSubject(), personId(jwt.getSubject()),
                jwt.getGroups() == null ? Set.of() : jwt.getGroups(), jwt.getClaim("source"));
        long expiresAt = jwt.getExpirationTime() > 0
                ? jwt.getExpirationTime() * 1000 : Instant.now().plusSeconds(60).toEpochMilli();
        verified.put(token, new Verified(identity, expiresAt));
        return Optional.of(identity);
    }

    /** How many tokens had their signature checked: the cost the cache saves. */
    public long signatureChecks() {
        return signatureChecks.get();
    }

    private static UUID personId(String subject) {
        if (subject == null) {
            return null;
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    record Verified(CallerIdentity identity, long expiresAt) {
    }

    /** Each entry lives until its token's own expiry, never longer. */
    private static final class UntilTokenExpiry implements Expiry<String, Verified> {
        @Override
        public long expireAfterCreate(String key, Verified value, long currentTime) {
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, value.expiresAt() - System.currentTimeMillis()));
        }

        @Override
        public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
