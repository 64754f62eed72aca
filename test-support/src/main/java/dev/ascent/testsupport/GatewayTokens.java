package dev.ascent.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Plays the gateway for a service under test: the service trusts a key made for this run, and every
 * REST Assured request carries a gateway token for the person named in its {@code X-Ascent-Actor-Id}
 * header (or for an anonymous admin client when it names nobody), just as the gateway would send.
 * A request with {@value #NO_TOKEN} set goes without a token, to test that the service refuses it.
 */
public class GatewayTokens implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "ascent-gateway";
    public static final String NO_TOKEN = "X-Test-No-Token";
    /** Quarkus reloads test classes when it restarts an application; the key must outlive that. */
    private static final String KEYS_PROPERTY = "ascent.test.gateway-keys";
    private static final KeyPair KEYS = sharedKeys();

    @Override
    public Map<String, String> start() {
        installFilter();
        try {
            Path pem = Files.createTempFile("ascent-gateway-key", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, publicKeyPem());
            return Map.of("mp.jwt.verify.publickey.location", pem.toUri().toString(),
                    "mp.jwt.verify.issuer", ISSUER,
                    "mp.jwt.verify.publickey.algorithm", "ES256");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }

    /** A gateway token for {@code subject} with {@code roles}. */
    public static String bearer(String subject, String... roles) {
        return bearer(java.time.Duration.ofMinutes(5), subject, roles);
    }

    /** A gateway token that expires after {@code lifetime}. */
    public static String bearer(java.time.Duration lifetime, String subject, String... roles) {
        return "Bearer " + Jwt.issuer(ISSUER).subject(subject).groups(Set.of(roles)).expiresIn(lifetime)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256).sign(KEYS.getPrivate());
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Adds the gateway's token to each request, once per REST Assured (which may be loaded more than once). */
    private static synchronized void installFilter() {
        boolean present = RestAssured.filters().stream()
                .anyMatch(f -> f.getClass().getName().equals(AsTheGateway.class.getName()));
        if (!present) {
            RestAssured.filters(new AsTheGateway());
        }
    }

    static final class AsTheGateway implements Filter {
        @Override
        public io.restassured.response.Response filter(io.restassured.specification.FilterableRequestSpecification request,
                                                       io.restassured.specification.FilterableResponseSpecification response,
                                                       io.restassured.filter.FilterContext ctx) {
            if (request.getHeaders().hasHeaderWithName(NO_TOKEN)) {
                request.removeHeader(NO_TOKEN);
            } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                String actor = request.getHeaders().getValue("X-Ascent-Actor-Id");
                request.header("Authorization", actor == null ? bearer("test-client", "admin") : bearer(actor, "member"));
            }
            return ctx.next(request, response);
        }
    }

    /** Kept as text in system properties (other code reads them as strings) so every class loader finds it. */
    private static KeyPair sharedKeys() {
        synchronized (System.class) {
            try {
                String privateKey = System.getProperty(KEYS_PROPERTY + ".private");
                String publicKey = System.getProperty(KEYS_PROPERTY + ".public");
                java.security.KeyFactory factory = java.security.KeyFactory.getInstance("EC");
                if (privateKey != null && publicKey != null) {
                    return new KeyPair(
                            factory.generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))),
                            factory.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
                }
                KeyPair generated = generate();
                System.setProperty(KEYS_PROPERTY + ".private", Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()));
                System.setProperty(KEYS_PROPERTY + ".public", Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()));
                return generated;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
