package dev.ascent.gateway.web;

import dev.ascent.gateway.access.TestTokens;
import dev.ascent.gateway.report.ReportBackends;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The gateway serves the web app (the web module's jar: index.html and hashed assets under
 * META-INF/resources): deep links get the app, the API keeps its problems, and HTML
 * answers carry the strict policy. Without an issuer, browsers have no provider and, outside the local
 * profile, no development sign-in either.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(ReportBackends.class)
class WebAppTest {

    /** What the app's index.html holds and nothing else the gateway answers does. */
    static final String APP = "<div id=\"root\"></div>";

    static final String STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'";

    @Test
    void theAppIsServedAtTheRootWithTheStrictPolicyAndRevalidated() {
        given().accept("text/html").get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString(APP))
                .header("Content-Security-Policy", startsWith(STRICT))
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void deepLinksThatABrowserLoadsGetTheApp() {
        for (String path : new String[] {"/growth", "/evidence/42", "/signed-out", "/growth/plan/"}) {
            given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get(path).then().statusCode(200)
                    .contentType(startsWith("text/html"))
                    .body(containsString(APP))
                    .header("Content-Security-Policy", startsWith(STRICT))
                    .header("Cache-Control", "no-cache");
        }
        given().accept("application/json").get("/growth").then().statusCode(404);
        given().accept("text/html").get("/missing.png").then().statusCode(404);
        given().accept("text/html").get("/assets/missing").then().statusCode(404);
    }

    /** The hashed script the app's page loads. */
    private static String scriptPath() {
        String index = given().accept("text/html").get("/").then().statusCode(200).extract().asString();
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        org.assertj.core.api.Assertions.assertThat(script.find()).as("a hashed script in %s", index).isTrue();
        return script.group(1);
    }

    @Test
    void hashedAssetsAreCachedForGood() {
        given().get(scriptPath()).then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theScriptGoesOutCompressedAndApiAnswersAsTheyAre() {
        // RestAssured asks for gzip and deflate, as browsers do.
        given().get(scriptPath()).then().statusCode(200).header("Content-Encoding", "gzip");
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .header("Content-Encoding", not("gzip"));
    }

    @Test
    void theApiIsUntouched() {
        given().accept("text/html").get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "frame-ancestors 'none'")
                .body(not(containsString(APP)));
        given().accept("text/html").get("/auth/no-such-thing").then().statusCode(404)
                .body(not(containsString(APP)));
    }

    @Test
    void withoutAnIssuerOrTheLocalProfileBrowsersCannotSignIn() {
        given().get("/auth/options").then().statusCode(200).body("oidc", equalTo(false)).body("devSignIn", equalTo(false));
        given().get("/auth/dev/people").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{\"email\":\"admin@example.com\",\"roles\":[\"ADMIN\"]}")
                .post("/auth/dev").then().statusCode(404).header("Set-Cookie", (String) null);
        given().get("/auth/session").then().statusCode(401).contentType("application/problem+json");
        given().redirects().follow(false).accept("text/html").get("/auth/login?next=/x").then().statusCode(404);
        given().cookie("ascent_dev_session", "forged").get("/api/v1/me/overview").then().statusCode(401);
    }
}
