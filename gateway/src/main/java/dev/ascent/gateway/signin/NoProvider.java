package dev.ascent.gateway.signin;

import dev.ascent.kit.problem.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * Without a provider, {@code /auth/login} is a 404 problem. It must be answered before routing: the code
 * flow's authentication runs ahead of the resource method and would answer a bare 401.
 */
public class NoProvider {

    private final BrowserSessions sessions;

    public NoProvider(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseLoginWithoutProvider(RoutingContext context) {
        if (sessions.oidc() || !context.normalizedPath().equals("/auth/login")) {
            return null;
        }
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(new Problem("urn:ascent:problem:not-found", "Not found",
                404, "No OIDC provider is configured for browser sign-in", "/auth/login", List.of())).build();
    }
}
