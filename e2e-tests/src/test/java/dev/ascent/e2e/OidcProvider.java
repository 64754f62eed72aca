package dev.ascent.e2e;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

import java.util.Map;

/**
 * A real OpenID Connect provider for the browser tests: mock-oauth2-server (Maven Central) with its
 * interactive sign-in page, where the test types who it is (any subject) and the claims the provider
 * vouches for. Discovery, PKCE, the token endpoint, JWKS and RP-initiated logout are its own.
 */
final class OidcProvider implements AutoCloseable {

    static final String ISSUER_ID = "ascent";
    static final String CLIENT_ID = "ascent-web";
    static final String CLIENT_SECRET = "ascent-web-secret";

    private final MockOAuth2Server server;

    private OidcProvider(MockOAuth2Server server) {
        this.server = server;
    }

    static OidcProvider start() {
        MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
        server.start(0);
        return new OidcProvider(server);
    }

    String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    String origin() {
        return server.baseUrl().toString().replaceAll("/$", "");
    }

    /** What the gateway needs to use this provider: issuer, client id and secret. */
    Map<String, String> gatewaySettings() {
        return Map.of("ASCENT_OIDC_ISSUER", issuer(),
                "ASCENT_OIDC_CLIENT_ID", CLIENT_ID,
                "ASCENT_OIDC_CLIENT_SECRET", CLIENT_SECRET);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
