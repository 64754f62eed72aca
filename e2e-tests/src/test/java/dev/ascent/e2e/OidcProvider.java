package dev.ascent.e2e;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

import com.microsoft.playwright.Page;

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

    /**
     * Signs in on the provider's own page, where the browser has been sent: the subject the provider
     * names and the claims it vouches for. Returns the authorisation request's address as it arrived.
     */
    String signIn(Page page, String subject, String email, String group) {
        page.waitForURL(url -> url.startsWith(origin()));
        String authorisationRequest = page.url();
        page.locator("input[name=username]").fill(subject);
        page.locator("textarea[name=claims]").fill("{\"email\": \"" + email + "\", \"groups\": [\"" + group + "\"]}");
        page.locator("input[type=submit]").click();
        return authorisationRequest;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
