package dev.ascent.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ascent.gateway.GatewayConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Signs the short-lived ES256 tokens the services require: one per caller (person id as subject,
 * roles as groups, an integration's source), and one for the gateway's own reads. Services trust
 * only this key, so nobody reaches them but through the gateway. Tokens are reused while young,
 * so signing costs nothing on the common path.
 */
@Singleton
public class GatewayTokens {

    public static final String ISSUER = "ascent-gateway";
    static final String GATEWAY_SUBJECT = "ascent-gateway";

    private final PrivateKey key;
    private final Duration lifetime;
    private final Cache<Object, String> issued;

    /** Whom a token is for; the roles are sorted into its text only when one is signed. */
    private record For(String subject, Set<Caller.Role> roles, String source) {
    }

    public GatewayTokens(GatewayConfig config) {
        this.key = read(config.internalToken().privateKeyLocation());
        this.lifetime = config.internalToken().lifetime();
        this.issued = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(lifetime.dividedBy(2)).build();
    }

    public String forCaller(Caller caller) {
        String subject = caller.personId() != null ? caller.personId().toString() : caller.subject();
        return issued.get(new For(subject, caller.roles(), caller.source()), k -> sign(subject, caller.roles().stream()
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted().collect(Collectors.joining(",")),
                caller.source()));
    }

    /** For the gateway's own reads (reports, access checks): an admin with no person. */
    public String forGateway() {
        return issued.get("gateway", k -> sign(GATEWAY_SUBJECT, "admin", null));
    }

    private String sign(String subject, String roles, String source) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject)
                .groups(java.util.Set.of(roles.split(","))).expiresIn(lifetime);
        if (source != null) {
            claims.claim("source", source);
        }
        return claims.jws().algorithm(SignatureAlgorithm.ES256).sign(key);
    }

    private static PrivateKey read(String location) {
        try {
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return KeyUtils.decodePrivateKey(Files.readString(path), SignatureAlgorithm.ES256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway's signing key at " + location
                    + " (ascent.gateway.internal-token.private-key-location)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the gateway's signing key at " + location + " is not an EC private key", e);
        }
    }
}
