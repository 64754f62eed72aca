package dev.ascent.gateway.signin;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ascent.gateway.access.TestTokens;
import dev.ascent.gateway.report.ReportBackends;
import dev.ascent.testsupport.PostgresTestResource;
import dev.ascent.testsupport.TestPeopleDirectory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sign-in against a real OIDC provider over real HTTP: the code flow with PKCE, the session
 * cookie, CSRF, who the caller is, sign-out at the provider, and where sign-in may send the browser.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(ReportBackends.class)
@WithTestResource(MockOidcProvider.class)
class SignInTest extends ProviderSignIn {

    @Test
    void theCodeFlowWithPkceEndsInASessionCookieThatCallsTheApi() {
        HttpResponse<String> landed = signIn("idp-user-1", Map.of("email", TestPeopleDirectory.emailOf(ME), "name", "Me Myself",
                "groups", List.of("member")), "/growth?tab=plan");
        assertThat(Browser.location(landed)).endsWith("/growth?tab=plan");

        HttpResponse<String> session = browser.get("/auth/session");
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"personId\":\"" + ME + "\"", "\"method\":\"oidc\"", "\"name\":\"Me Myself\"",
                "\"roles\":[\"MEMBER\"]");

        HttpResponse<String> overview = browser.get("/api/v1/me/overview");
        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        assertThat(overview.body()).contains("\"personId\":\"" + ME + "\"");
        // The session cookie stays at the gateway: the service got the gateway's token, no cookie.
        services.getAllServeEvents().forEach(e -> assertThat(e.getRequest().getHeader("Cookie")).isNull());
    }

    @Test
    void unsafeCallsOnACookieSessionNeedItsCsrfTokenOnEveryPathSpelling() {
        signIn("idp-user-2", Map.of("email", TestPeopleDirectory.emailOf(ME)), "/");
        String token = csrfToken();
        String body = "{\"subjectId\":\"" + ME + "\"}";
        for (String path : List.of("/api/v1/assessments", "//api/v1/assessments", "/api/v1/./assessments", "/%61pi/v1/assessments")) {
            HttpResponse<String> missing = browser.post(path, "application/json", body);
            assertThat(missing.statusCode()).as(path).isEqualTo(403);
            assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(missing.body()).contains("urn:ascent:problem:csrf-token-invalid");
            HttpResponse<String> wrong = browser.post(path, "application/json", body, "X-CSRF-Token", token + "x");
            assertThat(wrong.statusCode()).as(path).isEqualTo(403);
            assertThat(wrong.body()).contains("urn:ascent:problem:csrf-token-invalid");
        }
        services.verify(0, postRequestedFor(urlEqualTo("/api/v1/assessments")));

        HttpResponse<String> right = browser.post("/api/v1/assessments", "application/json", body, "X-CSRF-Token", token);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
        services.verify(1, postRequestedFor(urlEqualTo("/api/v1/assessments")));
    }

    @Test
    void aBearerHeaderWinsOverTheCookieAndNeedsNoCsrfToken() {
        signIn("idp-user-3", Map.of("email", TestPeopleDirectory.emailOf(ME)), "/");
        HttpResponse<String> asAdmin = browser.post("/api/v1/assessments", "application/json", "{}",
                "Authorization", TestTokens.admin());
        assertThat(asAdmin.statusCode()).as(asAdmin.body()).isEqualTo(201);
        HttpResponse<String> badBearer = browser.get("/api/v1/me/overview", "Authorization", "Bearer not-a-token");
        assertThat(badBearer.statusCode()).as("the cookie does not rescue a bad bearer token").isEqualTo(401);
    }

    @Test
    void aProviderSubjectThatIsSomeoneElsesIdNeverMakesTheCallerThem() {
        signIn(SOMEONE_ELSE.toString(), Map.of("email", TestPeopleDirectory.emailOf(ME)), "/");
        assertThat(browser.get("/auth/session").body()).contains("\"personId\":\"" + ME + "\"");
        assertThat(browser.get("/api/v1/me/overview").body()).contains("\"personId\":\"" + ME + "\"");
        assertThat(browser.get("/api/v1/people/" + SOMEONE_ELSE + "/readiness").statusCode()).isEqualTo(403);

        // The same for bearer tokens: the subject is the provider's, the person is the email's.
        String bearer = "Bearer " + Jwt.issuer(TestTokens.ISSUER).subject(SOMEONE_ELSE.toString())
                .claim("email", TestPeopleDirectory.emailOf(ME)).groups(Set.of("member")).expiresIn(300)
                .sign(tokensKey());
        HttpResponse<String> overview = new Browser(gateway.toString()).get("/api/v1/me/overview", "Authorization", bearer);
        assertThat(overview.body()).contains("\"personId\":\"" + ME + "\"");
        String noEmail = "Bearer " + Jwt.issuer(TestTokens.ISSUER).subject(ME.toString()).groups(Set.of("member"))
                .expiresIn(300).sign(tokensKey());
        assertThat(new Browser(gateway.toString()).get("/api/v1/me/overview", "Authorization", noEmail).statusCode())
                .as("a person-id subject without an email names nobody").isEqualTo(403);
    }

    @Test
    void signOutEndsTheSessionHereAndAtTheProvider() {
        signIn("idp-user-4", Map.of("email", TestPeopleDirectory.emailOf(ME)), "/");
        String token = csrfToken();
        assertThat(browser.post("/auth/logout", "application/x-www-form-urlencoded", "csrf=wrong").statusCode())
                .isEqualTo(403);
        assertThat(browser.get("/auth/session").statusCode()).as("a refused sign-out leaves the session").isEqualTo(200);

        HttpResponse<String> out = browser.post("/auth/logout", "application/x-www-form-urlencoded", "csrf=" + token);
        assertThat(out.statusCode()).isEqualTo(303);
        String endSession = Browser.location(out);
        assertThat(endSession).startsWith(MockOidcProvider.issuer() + "/endsession");
        Map<String, String> query = Browser.query(endSession);
        assertThat(query.get("id_token_hint")).startsWith("eyJ");
        assertThat(query).containsEntry("post_logout_redirect_uri", browser.absolute("/signed-out"));
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("q_session=")
                .containsAnyOf("Max-Age=0", "max-age=0", "1970"));

        HttpResponse<String> after = browser.get("/auth/session");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(browser.get("/api/v1/me/overview").statusCode()).isEqualTo(401);
    }

    @Test
    void signInSendsTheBrowserOnlyToLocalPaths() {
        signIn("idp-user-5", Map.of("email", TestPeopleDirectory.emailOf(ME)), "/evidence");
        for (String next : List.of("//evil.example", "https://evil.example", "/\\evil.example", "/%5Cevil.example",
                "%2F%2Fevil.example", "javascript:alert(1)")) {
            HttpResponse<String> answer = browser.get("/auth/login?next=" + java.net.URLEncoder.encode(next,
                    java.nio.charset.StandardCharsets.UTF_8), "Accept", "text/html");
            assertThat(answer.statusCode()).as(next).isEqualTo(303);
            assertThat(Browser.location(answer)).as(next).isEqualTo(browser.absolute("/"));
        }
        HttpResponse<String> local = browser.get("/auth/login?next=%2Fplan%3Fx%3D1", "Accept", "text/html");
        assertThat(Browser.location(local)).isEqualTo(browser.absolute("/plan?x=1"));
    }

    @Test
    void optionsOfferTheProviderAndNoDevelopmentSignIn() {
        HttpResponse<String> options = browser.get("/auth/options");
        assertThat(options.body()).isEqualTo("{\"oidc\":true,\"devSignIn\":false}");
        assertThat(browser.get("/auth/dev/people").statusCode()).isEqualTo(404);
        assertThat(browser.post("/auth/dev", "application/json", "{\"email\":\"a@b.example\",\"roles\":[\"ADMIN\"]}")
                .statusCode()).isEqualTo(404);
        assertThat(browser.get("/auth/session").statusCode()).isEqualTo(401);
    }

    private static java.security.PrivateKey tokensKey() {
        return TestTokens.signingKey();
    }
}
