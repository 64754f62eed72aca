package dev.ascent.kit.caller;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTokenGuardTest {

    private static final List<String> OPEN = List.of("/q/openapi", "/api/v1/webhooks/");

    @Test
    void openPathsAreOpenOnlyWhenSpelledCanonically() {
        assertThat(GatewayTokenGuard.isOpen("/q/openapi", "/q/openapi", OPEN)).isTrue();
        assertThat(GatewayTokenGuard.isOpen("/api/v1/webhooks/github/1", "/api/v1/webhooks/github/1", OPEN)).isTrue();
        // the same normalised path, spelled otherwise, needs the token
        assertThat(GatewayTokenGuard.isOpen("/api/v1/webhooks/github/1", "//api/v1/webhooks/github/1", OPEN)).isFalse();
        assertThat(GatewayTokenGuard.isOpen("/api/v1/webhooks/github/1", "/api/v1/x/../webhooks/github/1", OPEN)).isFalse();
        assertThat(GatewayTokenGuard.isOpen(null, "/q/openapi", OPEN)).isFalse();
    }

    @Test
    void aPrefixMatchesWholeSegmentsOnly() {
        assertThat(GatewayTokenGuard.isOpen("/q/openapi-extra", "/q/openapi-extra", OPEN)).isFalse();
        assertThat(GatewayTokenGuard.isOpen("/q/openapi/x", "/q/openapi/x", OPEN)).isTrue();
        assertThat(GatewayTokenGuard.isOpen("/api/v1/webhooks", "/api/v1/webhooks", OPEN)).isFalse();
        assertThat(GatewayTokenGuard.isOpen("/api/v1/evidence", "/api/v1/evidence", OPEN)).isFalse();
        assertThat(GatewayTokenGuard.isOpen("/q/openapi", "/q/openapi", List.of())).isFalse();
    }

    @Test
    void onlyABearerSchemeWithOneTokenIsRead() {
        assertThat(GatewayTokenGuard.bearerToken("Bearer abc.def.ghi")).contains("abc.def.ghi");
        assertThat(GatewayTokenGuard.bearerToken("bearer   abc.def.ghi  ")).contains("abc.def.ghi");
        assertThat(GatewayTokenGuard.bearerToken("BEARER\tabc")).contains("abc");
        assertThat(GatewayTokenGuard.bearerToken(null)).isEmpty();
        assertThat(GatewayTokenGuard.bearerToken("Bearer")).isEmpty();
        assertThat(GatewayTokenGuard.bearerToken("Bearer ")).isEmpty();
        assertThat(GatewayTokenGuard.bearerToken("Bearerabc")).isEmpty();
        assertThat(GatewayTokenGuard.bearerToken("Basic abc")).isEmpty();
        assertThat(GatewayTokenGuard.bearerToken("Bearer a b")).isEmpty();
        assertThat(GatewayTokenGuard.bearerToken("Bearer x")).isEqualTo(Optional.of("x"));
    }
}
