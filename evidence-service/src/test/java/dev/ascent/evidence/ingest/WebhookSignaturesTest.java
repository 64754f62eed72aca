package dev.ascent.evidence.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignaturesTest {

    private static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    /** The example in GitHub's documentation on validating webhook deliveries. */
    private static final String GITHUB_EXAMPLE = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void matchesGitHubsPublishedExample() {
        assertThat(WebhookSignatures.validPrefixed(SECRET, BODY, "sha256=" + GITHUB_EXAMPLE)).isTrue();
        assertThat(WebhookSignatures.validHex(SECRET, BODY, GITHUB_EXAMPLE)).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(WebhookSignatures.validPrefixed(SECRET, BODY, GITHUB_EXAMPLE)).isFalse();
        assertThat(WebhookSignatures.validPrefixed(SECRET, BODY, "sha1=" + GITHUB_EXAMPLE)).isFalse();
        assertThat(WebhookSignatures.validPrefixed(SECRET, BODY, null)).isFalse();
        assertThat(WebhookSignatures.validHex(SECRET, BODY, "not hex")).isFalse();
        assertThat(WebhookSignatures.validHex(SECRET, BODY, GITHUB_EXAMPLE.substring(2))).isFalse();
        assertThat(WebhookSignatures.validHex(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), GITHUB_EXAMPLE))
                .isFalse();
    }
}
