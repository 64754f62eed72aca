package dev.ascent.kit.caller;

import dev.ascent.kit.problem.ApiProblem;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is making the current request, as the gateway's verified token says ({@link GatewayTokenGuard}).
 * Nothing a client sends besides that token (headers, path, body) can change it.
 */
@RequestScoped
public class Caller {

    private final CurrentVertxRequest request;

    public Caller(CurrentVertxRequest request) {
        this.request = request;
    }

    public Optional<CallerIdentity> identity() {
        RoutingContext context = request.getCurrent();
        return context == null ? Optional.empty() : Optional.ofNullable(context.get(CallerIdentity.KEY));
    }

    /** The acting person; empty for the gateway's own reads and for integrations. */
    public Optional<UUID> personId() {
        return identity().map(CallerIdentity::personId);
    }

    /** The acting person, or a 401 problem when the call acts for nobody. */
    public UUID requirePersonId() {
        return personId().orElseThrow(() -> ApiProblem.unauthenticated("This action needs to know who is acting"));
    }

    public Set<String> roles() {
        return identity().map(CallerIdentity::roles).orElse(Set.of());
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** The integration source a token is limited to, if any. */
    public Optional<String> source() {
        return identity().map(CallerIdentity::source);
    }
}
