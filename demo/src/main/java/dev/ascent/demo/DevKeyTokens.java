package dev.ascent.demo;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens as {@code ./ascent token} makes them: RS256 with the launcher's development key
 * ({@code .ascent/keys/dev-private.pem}), issuer and key id {@code ascent-dev}, claims {@code sub}
 * and {@code email} (the email), {@code groups} (the roles) and {@code source} for integrations.
 * Only the gateway's {@code local} profile trusts that key.
 */
public final class DevKeyTokens implements Tokens {

    static final String ISSUER = "ascent-dev";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final String issuer;
    private final Duration lifetime;

    public DevKeyTokens(PrivateKey key, String issuer, Duration lifetime) {
        this.key = key;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    /** Reads a PKCS#8 PEM RSA key, as {@code openssl genpkey} writes it. */
    public static DevKeyTokens fromPem(Path pem) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
            return new DevKeyTokens(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)),
                    ISSUER, Duration.ofHours(1));
        } catch (IOException e) {
            throw new DemoFailure("cannot read the development signing key " + pem + ": " + e.getMessage());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DemoFailure(pem + " is not a PKCS#8 RSA private key (" + e.getMessage() + ")");
        }
    }

    @Override
    public String bearer(String email, List<Role> roles, String source) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", email);
        claims.put("email", email);
        claims.put("groups", roles.stream().map(Role::claim).toList());
        claims.put("iat", now);
        claims.put("exp", now + lifetime.toSeconds());
        if (source != null) {
            claims.put("source", source);
        }
        try {
            String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"ascent-dev\"}"
                    .getBytes(StandardCharsets.UTF_8));
            String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("signing a development token failed", e);
        }
    }
}
