package dev.ascent.gateway.access;

import dev.ascent.gateway.GatewayConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production profile must refuse to trust the development signing key. */
class DevKeyGuardTest {

    private static GatewayConfig config(boolean allowDevKey) {
        GatewayConfig.Auth auth = (GatewayConfig.Auth) Proxy.newProxyInstance(GatewayConfig.Auth.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.Auth.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "devIssuer" -> "ascent-dev";
                    case "allowDevKey" -> allowDevKey;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (GatewayConfig) Proxy.newProxyInstance(GatewayConfig.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("auth")) {
                        return auth;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void productionRefusesTheDevelopmentIssuer() {
        TokenVerifier production = new TokenVerifier(null, config(false), Optional.of("ascent-dev"));
        assertThatThrownBy(() -> production.refuseDevKeyInProduction(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development key");
    }

    @Test
    void localProfilesAndRealIssuersStart() {
        assertThatCode(() -> new TokenVerifier(null, config(true), Optional.of("ascent-dev")).refuseDevKeyInProduction(null))
                .doesNotThrowAnyException();
        assertThatCode(() -> new TokenVerifier(null, config(false), Optional.of("https://login.example.com"))
                .refuseDevKeyInProduction(null)).doesNotThrowAnyException();
    }
}
