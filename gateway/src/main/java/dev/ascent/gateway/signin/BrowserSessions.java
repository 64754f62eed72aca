package dev.ascent.gateway.signin;

import dev.ascent.gateway.GatewayConfig;
import dev.ascent.gateway.access.IdentityClaims;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The browser session of a request, if it has one: a development session (local profile), or the
 * provider's session that Quarkus OIDC keeps in its encrypted {@code q_session} cookie. The OIDC identity
 * is asked for only here, for requests without an {@code Authorization} header that carry that cookie,
 * so bearer calls never pay for it (authentication is lazy: {@code quarkus.http.auth.proactive=false}).
 */
@Singleton
public class BrowserSessions {

    /** Quarkus OIDC's session cookie (split into {@code q_session_chunk_N} when large). */
    static final String OIDC_COOKIE = "q_session";
    private static final Logger LOG = Logger.getLogger(BrowserSessions.class);

    private final boolean oidc;
    private final boolean devSignIn;
    private final DevSessions devSessions;
    private final IdentityClaims claims;

    public BrowserSessions(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer,
                           GatewayConfig config, DevSessions devSessions, IdentityClaims claims) {
        this.oidc = issuer.filter(s -> !s.isBlank()).isPresent();
        this.devSignIn = config.auth().devSignIn();
        this.devSessions = devSessions;
        this.claims = claims;
    }

    /** Whether browsers can sign in at an OIDC provider (an issuer is configured). */
    public boolean oidc() {
        return oidc;
    }

    public boolean devSignIn() {
        return devSignIn;
    }

    public Uni<Optional<BrowserSession>> of(RoutingContext context) {
        if (devSignIn) {
            Optional<BrowserSession> dev = devSessions.of(context);
            if (dev.isPresent()) {
                return Uni.createFrom().item(dev);
            }
        }
        if (!oidc || context.request().cookies().stream().noneMatch(c -> c.getName().startsWith(OIDC_COOKIE))) {
            return Uni.createFrom().item(Optional.empty());
        }
        return QuarkusHttpUser.getSecurityIdentity(context, null)
                .map(identity -> identity == null ? Optional.<BrowserSession>empty() : fromProvider(identity))
                .onFailure().recoverWithItem(e -> {
                    // An expired or altered session cookie: the caller is simply not signed in.
                    LOG.debugf("session cookie not accepted: %s", e.toString());
                    return Optional.empty();
                });
    }

    private Optional<BrowserSession> fromProvider(SecurityIdentity identity) {
        IdTokenCredential idToken = identity.getCredential(IdTokenCredential.class);
        if (identity.isAnonymous() || idToken == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        OidcConfigurationMetadata metadata = identity.getAttribute("configuration-metadata");
        return Optional.of(new BrowserSession(BrowserSession.OIDC, idToken.getToken(), claims.email(token).orElse(null),
                token.getClaim("name"), claims.roles(token), idToken.getToken(),
                metadata == null ? null : metadata.getEndSessionUri()));
    }
}
