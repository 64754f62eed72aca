package dev.ascent.gateway.signin;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.util.List;
import java.util.Map;

/**
 * A real OIDC provider in-process (discovery, authorisation, token, JWKS and end-session endpoints) that
 * the gateway under test is configured with, as ASCENT_OIDC_* would configure it.
 */
public class MockOidcProvider implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER_ID = "default";
    static final String CLIENT_ID = "ascent-web";
    private static MockOAuth2Server server;

    @Override
    public Map<String, String> start() {
        server = new MockOAuth2Server();
        server.start();
        return Map.of("quarkus.oidc.auth-server-url", issuer(),
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", "a-client-secret-long-enough-to-encrypt-with-32",
                "ascent.gateway.auth.session-secret", "a-test-session-secret-of-at-least-32-characters");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    static String issuer() {
        return server.issuerUrl(ISSUER_ID).toString().replaceAll("/$", "");
    }

    /** The next token the provider issues: its subject and claims. */
    static void nextSignIn(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }
}
