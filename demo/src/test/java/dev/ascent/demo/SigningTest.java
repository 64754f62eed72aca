package dev.ascent.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The credentials the demo presents must be exactly what the gateway and evidence-service check. */
class SigningTest {

    @Test
    void devTokensAreRs256SignedAndNameThePersonByEmail() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String token = new DevKeyTokens(keys.getPrivate(), "ascent-dev", Duration.ofMinutes(5))
                .bearer("maya.chen@fernhill.example", List.of(Tokens.Role.MEMBER, Tokens.Role.MANAGER), null);

        String[] parts = token.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        JsonNode header = Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("kid").asText()).isEqualTo("ascent-dev");
        assertThat(claims.path("iss").asText()).isEqualTo("ascent-dev");
        assertThat(claims.path("email").asText()).isEqualTo("maya.chen@fernhill.example");
        assertThat(claims.path("groups").toString()).isEqualTo("[\"member\",\"manager\"]");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
        assertThat(claims.has("source")).isFalse();
    }

    @Test
    void webhookSignaturesCoverTheExactBytesInEachToolsHeader() throws Exception {
        Webhooks.Delivery github = Webhooks.githubPullRequest("s3cret-s3cret-s3cret", "t", "o/r", 1, "dev",
                "Title", "", List.of(), java.time.LocalDate.of(2026, 10, 1));
        assertThat(github.headers().get("X-Hub-Signature-256")).isEqualTo("sha256=" + hmac("s3cret-s3cret-s3cret", github.body()));
        assertThat(github.headers().get("X-GitHub-Delivery")).isEqualTo(Webhooks.deliveryId("github/t"));

        Webhooks.Delivery jira = Webhooks.jiraIssue("jira-secret-jira-secret", "J-1", "jira:issue_updated", "x.atlassian.net",
                "J-1", "acc", "Summary", "Story", List.of(), java.time.LocalDate.of(2026, 10, 1));
        assertThat(jira.headers().get("X-Hub-Signature")).isEqualTo("sha256=" + hmac("jira-secret-jira-secret", jira.body()));
        assertThat(Api.JSON.readTree(jira.body()).path("issue").path("fields").path("status").path("statusCategory")
                .path("key").asText()).isEqualTo("done");

        Webhooks.Delivery linear = Webhooks.linearIssueCompleted("linear-secret-linear", "L-1", "L-1", "u", "T",
                List.of(), java.time.LocalDate.of(2026, 10, 1));
        assertThat(linear.headers().get("Linear-Signature")).isEqualTo(hmac("linear-secret-linear", linear.body()));
        assertThat(Api.JSON.readTree(linear.body()).path("webhookTimestamp").asLong())
                .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
