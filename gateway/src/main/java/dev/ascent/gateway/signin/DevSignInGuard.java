package dev.ascent.gateway.signin;

import dev.ascent.gateway.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/** The development sign-in lets anyone be anyone: only the local profile may switch it on. */
@ApplicationScoped
public class DevSignInGuard {

    static final String LOCAL_PROFILE = "local";

    private final GatewayConfig config;

    public DevSignInGuard(GatewayConfig config) {
        this.config = config;
    }

    void refuseOutsideLocal(@Observes StartupEvent event) {
        check(config.auth().devSignIn(), ConfigUtils.getProfiles());
    }

    static void check(boolean devSignIn, List<String> profiles) {
        if (devSignIn && !profiles.contains(LOCAL_PROFILE)) {
            throw new IllegalStateException("ascent.gateway.auth.dev-sign-in is on in profile " + profiles
                    + ", but the development sign-in (choose who to be, no password) is for the local profile only; "
                    + "switch it off and configure an OIDC provider (ASCENT_OIDC_ISSUER, ASCENT_OIDC_CLIENT_ID, "
                    + "ASCENT_OIDC_CLIENT_SECRET)");
        }
    }
}
