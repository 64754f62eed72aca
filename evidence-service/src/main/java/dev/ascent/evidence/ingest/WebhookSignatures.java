package dev.ascent.evidence.ingest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA256 signatures as each tool sends them, checked over the raw body in constant time.
 * GitHub: {@code X-Hub-Signature-256: sha256=<hex>}; Jira: {@code X-Hub-Signature: sha256=<hex>};
 * Linear: {@code Linear-Signature: <hex>}.
 */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    /** {@code header} is {@code sha256=<hex>} (GitHub, Jira). */
    public static boolean validPrefixed(byte[] secret, byte[] body, String header) {
        if (header == null || !header.regionMatches(true, 0, "sha256=", 0, 7)) {
            return false;
        }
        return validHex(secret, body, header.substring(7));
    }

    /** {@code header} is the bare hex digest (Linear). */
    public static boolean validHex(byte[] secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    public static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
