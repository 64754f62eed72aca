package dev.ascent.gateway.signin;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Always the tenant configured in application.properties. Its presence is what lets Quarkus OIDC start
 * with no issuer configured (local runs, tests): the default tenant is then disabled instead of failing
 * start-up, and browser sign-in is simply not offered.
 */
@ApplicationScoped
public class OidcTenants implements TenantConfigResolver {

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        return Uni.createFrom().nullItem();
    }
}
