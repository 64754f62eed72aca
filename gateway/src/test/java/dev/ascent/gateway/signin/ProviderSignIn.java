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
 * What the sign-in tests share: the services' stubs (a person known by email, see {@code TestPeopleDirectory})
 * and signing in through the real provider as a browser does, asserting each step of the code flow.
 */
abstract class ProviderSignIn {

    protected static final UUID ME = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    protected static final UUID SOMEONE_ELSE = UUID.fromString("00000000-0000-4000-8000-00000000a002");

    @ReportBackends.Inject
    WireMockServer services;

    @TestHTTPResource("/")
    URL gateway;

    Browser browser;

    @BeforeEach
    void stubs() {
        browser = new Browser(gateway.toString().replaceAll("/$", ""));
        services.resetAll();
        json(get("/api/v1/people/" + ME), "{\"id\":\"" + ME + "\",\"name\":\"Me\",\"level\":\"PM\"}");
        json(get("/api/v1/people/" + ME + "/readiness"), "{\"targetLevel\":\"SENIOR_PM\",\"readinessPercent\":64,\"status\":\"EMERGING\"}");
        json(get("/api/v1/people/" + ME + "/with-readiness"), "{\"person\":{\"id\":\"" + ME + "\",\"name\":\"Me\",\"level\":\"PM\"},"
                + "\"readiness\":{\"targetLevel\":\"SENIOR_PM\",\"readinessPercent\":64,\"status\":\"EMERGING\"}}");
        // No current plan: growth-plan-service answers 404 (WireMock's default for an unstubbed call).
        json(get(urlPathEqualTo("/api/v1/evidence")), "{\"items\":[],\"nextCursor\":null}");
        json(get("/api/v1/people/" + SOMEONE_ELSE + "/line"), "{\"personId\":\"" + SOMEONE_ELSE + "\",\"managers\":[]}");
        services.stubFor(post("/api/v1/assessments").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + UUID.randomUUID() + "\"}")));
    }

    private void json(com.github.tomakehurst.wiremock.client.MappingBuilder request, String body) {
        services.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** Signs in through the provider as a browser does; answers the gateway's last redirect (to {@code next}). */
    protected HttpResponse<String> signIn(String subject, Map<String, Object> claims, String next) {
        MockOidcProvider.nextSignIn(subject, claims);
        HttpResponse<String> start = browser.get("/auth/login?next=" + next, "Accept", "text/html");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = Browser.location(start);
        assertThat(authorize).startsWith(MockOidcProvider.issuer());
        Map<String, String> request = Browser.query(authorize);
        assertThat(request).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge").containsKey("state");
        assertThat(request.get("scope").split(" ")).contains("openid", "email", "profile");
        assertThat(request.get("redirect_uri")).isEqualTo(browser.absolute("/auth/login"));

        HttpResponse<String> provider = browser.get(authorize);
        assertThat(provider.statusCode()).isEqualTo(302);
        HttpResponse<String> callback = browser.get(Browser.location(provider));
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        String sessionCookie = callback.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("q_session=")).findFirst().orElseThrow();
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String value = sessionCookie.substring("q_session=".length(), sessionCookie.indexOf(';'));
        // Encrypted (a JWE: five parts, an "enc" header), so nothing after the header reads as a JWT's claims.
        String[] parts = value.split("\\.");
        assertThat(parts).as("the cookie is a JWE, not a readable JWT").hasSize(5);
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(parts[0]))).contains("\"enc\"");
        for (int i = 1; i < parts.length; i++) {
            assertThat(parts[i]).doesNotStartWith("eyJ").doesNotContain(".eyJ");
        }
        HttpResponse<String> back = browser.get(Browser.location(callback));
        assertThat(back.statusCode()).isEqualTo(303);
        return back;
    }

    protected String csrfToken() {
        HttpResponse<String> session = browser.get("/auth/session");
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        return Json.createReader(new java.io.StringReader(session.body())).readObject().getString("csrfToken");
    }

}
