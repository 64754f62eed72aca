package dev.ascent.gateway.signin;

import dev.ascent.gateway.access.TestTokens;
import dev.ascent.gateway.report.ReportBackends;
import dev.ascent.testsupport.PostgresTestResource;
import dev.ascent.testsupport.TestPeopleDirectory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local profile's development sign-in: choose who to be, then the session behaves as a provider's
 * does (encrypted HttpOnly cookie, CSRF, sign-out), without a provider.
 */
@QuarkusTest
@TestProfile(DevSignInTest.LocalProfile.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(ReportBackends.class)
class DevSignInTest extends ProviderSignIn {

    public static class LocalProfile implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "local";
        }
    }

    private String signInAs(String email, String roles) {
        HttpResponse<String> signedIn = browser.post("/auth/dev", "application/json",
                "{\"email\":\"" + email + "\",\"roles\":" + roles + "}");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(204);
        return signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    }

    @Test
    void theListOffersAnAdminAndThePeopleWithTheirLikelyRoles() {
        services.stubFor(get(urlEqualTo("/api/v1/people?limit=200")).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .okJson("{\"items\":[{\"id\":\"" + SOMEONE_ELSE + "\",\"name\":\"Boss\",\"email\":\"boss@example.com\",\"level\":\"DIRECTOR\"},"
                        + "{\"id\":\"" + ME + "\",\"name\":\"Me\",\"email\":\"me@example.com\",\"level\":\"PM\",\"managerId\":\""
                        + SOMEONE_ELSE + "\"}],\"nextCursor\":null}")));
        assertThat(browser.get("/auth/options").body()).isEqualTo("{\"oidc\":false,\"devSignIn\":true}");
        HttpResponse<String> people = browser.get("/auth/dev/people");
        assertThat(people.statusCode()).isEqualTo(200);
        var list = Json.createReader(new StringReader(people.body())).readArray();
        assertThat(list.getJsonObject(0).getJsonArray("suggestedRoles").getString(0)).isEqualTo("ADMIN");
        assertThat(list.getJsonObject(1).getString("email")).isEqualTo("boss@example.com");
        assertThat(list.getJsonObject(1).getJsonArray("suggestedRoles").getString(0)).isEqualTo("MANAGER");
        assertThat(list.getJsonObject(2).getString("level")).isEqualTo("PM");
        assertThat(list.getJsonObject(2).getJsonArray("suggestedRoles").getString(0)).isEqualTo("MEMBER");
    }

    @Test
    void aDevelopmentSessionIsACookieSessionLikeAProvidersOne() {
        String cookie = signInAs(TestPeopleDirectory.emailOf(ME), "[\"MEMBER\"]");
        assertThat(cookie).startsWith(DevSessions.COOKIE + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax").doesNotContain(ME.toString());
        HttpResponse<String> session = browser.get("/auth/session");
        assertThat(session.body()).contains("\"personId\":\"" + ME + "\"", "\"method\":\"dev\"", "\"roles\":[\"MEMBER\"]");
        assertThat(browser.get("/api/v1/me/overview").body()).contains("\"personId\":\"" + ME + "\"");

        String body = "{\"subjectId\":\"" + ME + "\"}";
        HttpResponse<String> noToken = browser.post("/api/v1/assessments", "application/json", body);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("urn:ascent:problem:csrf-token-invalid");
        String token = csrfToken();
        assertThat(browser.post("/api/v1/assessments", "application/json", body, "X-CSRF-Token", token).statusCode())
                .isEqualTo(201);

        HttpResponse<String> out = browser.post("/auth/logout", "application/x-www-form-urlencoded", "csrf=" + token);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(Browser.location(out)).endsWith("/signed-out");
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(DevSessions.COOKIE + "=;")
                .containsIgnoringCase("Max-Age=0");
        assertThat(browser.get("/auth/session").statusCode()).isEqualTo(401);
    }

    @Test
    void anAlteredCookieIsNoSession() {
        String cookie = signInAs("admin@example.com", "[\"ADMIN\"]");
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        char last = value.charAt(value.length() - 2);
        String altered = value.substring(0, value.length() - 2) + (last == 'A' ? 'B' : 'A') + value.charAt(value.length() - 1);
        HttpResponse<String> session = new Browser(browser.absolute("")).get("/auth/session", "Cookie",
                DevSessions.COOKIE + "=" + altered);
        assertThat(session.statusCode()).isEqualTo(401);
    }

    @Test
    void badChoicesAreProblemsNamingTheField() {
        HttpResponse<String> badEmail = browser.post("/auth/dev", "application/json", "{\"email\":\"nobody\",\"roles\":[\"MEMBER\"]}");
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(badEmail.body()).contains("email");
        HttpResponse<String> integration = browser.post("/auth/dev", "application/json",
                "{\"email\":\"ci@example.com\",\"roles\":[\"INTEGRATION\"]}");
        assertThat(integration.statusCode()).isEqualTo(400);
        assertThat(integration.body()).contains("roles");
        HttpResponse<String> unknownRole = browser.post("/auth/dev", "application/json",
                "{\"email\":\"ci@example.com\",\"roles\":[\"OWNER\"]}");
        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(unknownRole.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
