package dev.ascent.gateway.signin;

import dev.ascent.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Keys for what the gateway derives per session (CSRF tokens, development session cookies), each one
 * HMAC-derived from {@code ascent.gateway.auth.session-secret} for its purpose, so one secret never
 * serves two uses. Without the secret a random one is made per process.
 */
@ApplicationScoped
public class SessionSecrets {

    private final byte[] root;

    public SessionSecrets(GatewayConfig config) {
        this.root = config.auth().sessionSecret().map(secret -> {
            if (secret.length() < 32) {
                throw new IllegalStateException("ascent.gateway.auth.session-secret (ASCENT_SESSION_SECRET) must be "
                        + "at least 32 characters long");
            }
            return secret.getBytes(StandardCharsets.UTF_8);
        }).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
    }

    /** A 256-bit key for {@code purpose}. */
    public byte[] key(String purpose) {
        return hmac(root, purpose.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
