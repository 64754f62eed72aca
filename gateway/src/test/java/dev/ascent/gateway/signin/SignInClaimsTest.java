package dev.ascent.gateway.signin;

import dev.ascent.gateway.access.TestTokens;
import dev.ascent.gateway.report.ReportBackends;
import dev.ascent.testsupport.PostgresTestResource;
import dev.ascent.testsupport.TestPeopleDirectory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email and roles are read from the claims a deployment names (here Keycloak-like: {@code upn} and
 * {@code realm_access/roles}, with provider role names mapped), for browser sessions and bearer tokens alike.
 */
@QuarkusTest
@TestProfile(SignInClaimsTest.ProviderClaims.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(ReportBackends.class)
@WithTestResource(MockOidcProvider.class)
class SignInClaimsTest extends ProviderSignIn {

    public static class ProviderClaims implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ascent.gateway.auth.email-claim", "upn",
                    "ascent.gateway.auth.roles-claim", "realm_access/roles",
                    "ascent.gateway.auth.role-mapping.pm-admins", "ADMIN",
                    "ascent.gateway.auth.role-mapping.line-managers", "MANAGER");
        }
    }

    @Test
    void theEmailComesFromTheConfiguredClaim() {
        signIn("idp-upn", Map.of("upn", TestPeopleDirectory.emailOf(ME),
                "email", TestPeopleDirectory.emailOf(SOMEONE_ELSE)), "/");
        HttpResponse<String> session = browser.get("/auth/session");
        assertThat(session.body()).contains("\"personId\":\"" + ME + "\"",
                "\"email\":\"" + TestPeopleDirectory.emailOf(ME) + "\"");

        String bearer = "Bearer " + Jwt.issuer(TestTokens.ISSUER).subject("idp-upn").claim("upn", TestPeopleDirectory.emailOf(ME))
                .claim("email", TestPeopleDirectory.emailOf(SOMEONE_ELSE)).expiresIn(300).sign(TestTokens.signingKey());
        HttpResponse<String> overview = new Browser(browser.absolute("")).get("/api/v1/me/overview", "Authorization", bearer);
        assertThat(overview.body()).contains("\"personId\":\"" + ME + "\"");
    }

    @Test
    void rolesComeFromTheConfiguredNestedClaimThroughTheMapping() {
        signIn("idp-roles", Map.of("upn", TestPeopleDirectory.emailOf(ME), "groups", List.of("admin"),
                "realm_access", Map.of("roles", List.of("line-managers", "offline_access"))), "/");
        assertThat(browser.get("/auth/session").body()).contains("\"roles\":[\"MANAGER\"]");

        Browser admin = new Browser(browser.absolute(""));
        MockOidcProvider.nextSignIn("idp-admin", Map.of("upn", "boss@example.com",
                "realm_access", Map.of("roles", List.of("pm-admins"))));
        browser = admin;
        signInAgain();
        assertThat(admin.get("/auth/session").body()).contains("\"roles\":[\"ADMIN\"]", "\"personId\":null");

        String bearer = "Bearer " + Jwt.issuer(TestTokens.ISSUER).subject("idp-admin").claim("upn", "boss@example.com")
                .claim("realm_access", Map.of("roles", List.of("pm-admins"))).expiresIn(300).sign(TestTokens.signingKey());
        assertThat(new Browser(browser.absolute("")).get("/api/v1/people", "Authorization", bearer).statusCode())
                .as("an admin by the mapped role may list people").isNotIn(401, 403);
    }

    /** Signs in with the claims already queued at the provider. */
    private void signInAgain() {
        HttpResponse<String> start = browser.get("/auth/login?next=/", "Accept", "text/html");
        HttpResponse<String> callback = browser.get(Browser.location(browser.get(Browser.location(start))));
        assertThat(browser.get(Browser.location(callback)).statusCode()).isEqualTo(303);
    }
}
