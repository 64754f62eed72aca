package dev.ascent.gateway.limits;

import dev.ascent.gateway.access.TestTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Rate limits follow the caller: a bucket per verified identity, the address's bucket for everything
 * else. With a burst of 3 and 1 request per second, a client that sends 8 calls at once must see a
 * 429; a client whose calls were spread over several buckets (as when the limit was keyed on the
 * raw header) would not, so each test below fails if its rule is removed. All calls come from one
 * address, so the buckets are forgotten before each test.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(RequestLimitsTest.TightLimits.class)
class RequestLimitsTest {

    private static final int CALLS = 8;

    public static class TightLimits implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("ascent.gateway.limits.requests-per-second", "1",
                    "ascent.gateway.limits.burst", "3",
                    "ascent.kit.limits.max-body-size", "1K");
        }

        @Override
        public void stop() {
        }
    }

    @Inject
    RequestLimits limits;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void forgetBuckets() {
        limits.forgetAll();
    }

    @Test
    void oneValidTokenHowEverItsHeaderIsSpelledHasOneBucket() {
        String token = TestTokens.bearer(UUID.randomUUID(), "member").substring("Bearer ".length());
        List<String> spellings = List.of("Bearer " + token, "bearer " + token, "Bearer  " + token, "BEARER " + token);

        List<Response> answers = calls(i -> given().header("Authorization", spellings.get(i % spellings.size())),
                "/api/v1/nowhere");

        assertThat(answers.subList(0, 3)).extracting(Response::statusCode).containsOnly(404);
        assertRateLimited(answers);
        // The bucket was the caller's, not the address's: others from the same address go on.
        given().get("/api/v1/nowhere").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "member")).get("/api/v1/nowhere")
                .then().statusCode(404);
    }

    @Test
    void madeUpTokensAndOtherSchemesShareTheAddressBucket() {
        PrivateKey untrusted = untrustedKey();
        List<Response> answers = calls(i -> given().header("Authorization", switch (i % 4) {
            case 0 -> "Bearer made-up-" + UUID.randomUUID();
            // well-formed, but signed with a key the gateway does not trust
            case 1 -> "Bearer " + Jwt.issuer(TestTokens.ISSUER).subject(UUID.randomUUID().toString())
                    .expiresIn(300).sign(untrusted);
            case 2 -> "Token " + UUID.randomUUID();
            default -> "ApiKey asc_" + UUID.randomUUID();
        }), "/api/v1/me/overview");

        assertThat(answers.subList(0, 3)).extracting(Response::statusCode).containsOnly(401);
        assertRateLimited(answers);
        // A valid caller from the same address has a bucket of its own.
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "member")).get("/api/v1/nowhere")
                .then().statusCode(404);
    }

    @Test
    void twoUsersHaveABucketEachAndFreshTokensOfOneUserShareIt() {
        UUID ada = UUID.randomUUID();
        List<String> adasTokens = List.of(TestTokens.bearer(ada, "member"), TestTokens.bearer(ada, "member"),
                TestTokens.bearer(ada, "member"), TestTokens.bearer(ada, "member"));
        assertThat(adasTokens).doesNotHaveDuplicates();

        List<Response> answers = calls(i -> given().header("Authorization", adasTokens.get(i % adasTokens.size())),
                "/api/v1/nowhere");

        assertRateLimited(answers);
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "member")).get("/api/v1/nowhere")
                .then().statusCode(404);
        given().get("/api/v1/nowhere").then().statusCode(404);
    }

    @Test
    void anApiKeyHasABucketOfItsOwn() {
        String key = given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "admin"))
                .contentType(ContentType.JSON).body(Map.of("sourceId", "src-limits", "name", "limits"))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        // The key's first call is the address's: it is recognised then, and its own from then on.
        given().header("Authorization", "ApiKey " + key).get("/api/v1/people").then().statusCode(403);
        List<String> spellings = List.of("ApiKey " + key, "apikey " + key, "APIKEY  " + key, "aPiKeY   " + key);

        List<Response> answers = calls(i -> given().header("Authorization", spellings.get(i % spellings.size())),
                "/api/v1/people");

        assertThat(answers.subList(0, 3)).extracting(Response::statusCode).containsOnly(403);
        assertRateLimited(answers);
        given().get("/api/v1/nowhere").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "member")).get("/api/v1/nowhere")
                .then().statusCode(404);
    }

    @Test
    void routesThatTakeNoCredentialsAreLimitedByAddressWhateverTheHeader() {
        String valid = TestTokens.bearer(UUID.randomUUID(), "member");

        List<Response> answers = calls(i -> given().header("Authorization", valid), "/api/v1/openapi");

        assertRateLimited(answers);
        // The address's bucket was spent, not the caller's: that one still holds its whole burst.
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", valid).get("/api/v1/nowhere").then().statusCode(404);
        }
    }

    @Test
    void callsForwardedToAServiceAreLimitedLikeTheGatewaysOwn() {
        // Forwarded operations are answered on the HTTP layer, ahead of the REST layer's filters; they are
        // charged there. (No service runs here: whatever the calls within the burst answer, the rest are 429.)
        String member = TestTokens.bearer(UUID.randomUUID(), "member");

        List<Response> answers = calls(i -> given().header("Authorization", member), "/api/v1/frameworks/current");

        assertThat(answers.subList(0, 3)).extracting(Response::statusCode).doesNotContain(429);
        assertRateLimited(answers);
    }

    @Test
    void aBodyOverTheLimitIs413Problem() {
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "member"))
                .contentType("application/json").body("{\"x\":\"" + "a".repeat(2_000) + "\"}")
                .post("/api/v1/evidence").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:payload-too-large"));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemAsItArrives() throws Exception {
        // No Content-Length to refuse it by: the forwarding route counts the bytes as they come.
        byte[] body = ("{\"x\":\"" + "a".repeat(2_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(gateway + "api/v1/evidence"))
                        .header("Authorization", TestTokens.bearer(UUID.randomUUID(), "member"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("urn:ascent:problem:payload-too-large");
    }

    private static List<Response> calls(Function<Integer, RequestSpecification> request, String path) {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            answers.add(request.apply(i).get(path));
        }
        return answers;
    }

    /** Some call beyond the burst was refused with a problem saying when to retry. */
    private static void assertRateLimited(List<Response> answers) {
        Response refused = answers.stream().filter(r -> r.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no call was rate-limited: "
                        + answers.stream().map(Response::statusCode).toList()));
        refused.then().contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:ascent:problem:rate-limited"));
    }

    private static PrivateKey untrustedKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
