package dev.ascent.gateway.signin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The development sign-in lets anyone be anyone, so only the local profile may start with it. */
class DevSignInGuardTest {

    @Test
    void anyOtherProfileRefusesToStartWithIt() {
        for (List<String> profiles : List.of(List.of("prod"), List.of("test"), List.of("staging"))) {
            assertThatThrownBy(() -> DevSignInGuard.check(true, profiles))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ascent.gateway.auth.dev-sign-in").hasMessageContaining("local profile only");
        }
    }

    @Test
    void theLocalProfileMayAndEveryProfileStartsWithoutIt() {
        assertThatCode(() -> DevSignInGuard.check(true, List.of("local"))).doesNotThrowAnyException();
        assertThatCode(() -> DevSignInGuard.check(false, List.of("prod"))).doesNotThrowAnyException();
    }
}
