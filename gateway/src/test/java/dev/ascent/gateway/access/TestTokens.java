package dev.ascent.gateway.access;

import dev.ascent.testsupport.TestPeopleDirectory;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A signing key made for this test run (never committed) that the gateway under test trusts, and
 * tokens signed with it.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "ascent-test";
    static final KeyPair KEYS = generate();
    /** The gateway's own signing key for the services' tokens. */
    static final KeyPair INTERNAL = generateEc();

    @Override
    public Map<String, String> start() {
        try {
            Path pem = Files.createTempFile("ascent-test-key", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            Path internal = Files.createTempFile("ascent-gateway-signing-key", ".pem");
            internal.toFile().deleteOnExit();
            Files.writeString(internal, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(INTERNAL.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            return Map.of("mp.jwt.verify.publickey.location", pem.toUri().toString(),
                    "mp.jwt.verify.issuer", ISSUER,
                    "ascent.gateway.internal-token.private-key-location", internal.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }

    /**
     * A bearer header for a person with roles, as a provider issues one: its own subject, and the email the
     * directory (here {@link TestPeopleDirectory}) knows the person by.
     */
    public static String bearer(UUID personId, String... roles) {
        return "Bearer " + Jwt.issuer(ISSUER).subject("idp|" + personId).claim("email", TestPeopleDirectory.emailOf(personId))
                .groups(Set.of(roles)).expiresIn(300).sign(KEYS.getPrivate());
    }

    /** The key this run's bearer tokens are signed with, for tests that shape tokens of their own. */
    public static java.security.PrivateKey signingKey() {
        return KEYS.getPrivate();
    }

    public static String admin() {
        return "Bearer " + Jwt.issuer(ISSUER).subject("admin@example.com").claim("email", "admin@example.com")
                .groups(Set.of("admin")).expiresIn(300).sign(KEYS.getPrivate());
    }

    public static String integration(String source) {
        return "Bearer " + Jwt.issuer(ISSUER).subject("ci-bot").claim("source", source)
                .groups(Set.of("integration")).expiresIn(300).sign(KEYS.getPrivate());
    }

    private static KeyPair generateEc() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token the gateway sent to a service. */
    public static String claimsOf(String authorization) {
        String token = authorization.substring("Bearer ".length());
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
