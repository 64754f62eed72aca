package dev.ascent.evidence.access;

import dev.ascent.evidence.problem.Problem;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.UUID;

/**
 * Every call under {@code /api} must carry a token the gateway signed: the service is reached through
 * the gateway only, and refuses anyone else with a 401 problem. Webhooks are the exception:
 * their tool's signature, checked by the webhook endpoints, stands in for a token. The token's subject
 * (a person id) becomes the {@code X-Ascent-Actor-Id} header the service reads; a client's own copy of
 * that header is dropped first, so it cannot be forged.
 */
@ApplicationScoped
public class GatewayTokenFilter {

    static final String ACTOR_HEADER = "X-Ascent-Actor-Id";
    static final String ROLES_HEADER = "X-Ascent-Roles";

    private final JWTParser parser;

    public GatewayTokenFilter(JWTParser parser) {
        this.parser = parser;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response requireGatewayToken(HttpServerRequest request) {
        String path = request.path();
        if (!path.startsWith("/api/") || path.startsWith("/api/v1/webhooks/")) {
            return null;
        }
        request.headers().remove(ACTOR_HEADER);
        request.headers().remove(ROLES_HEADER);
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized(path, "Calls must come through the gateway with its token");
        }
        JsonWebToken token;
        try {
            token = parser.parse(authorization.substring(7).trim());
        } catch (ParseException e) {
            return unauthorized(path, "The gateway token is not valid");
        }
        if (isPersonId(token.getSubject())) {
            request.headers().set(ACTOR_HEADER, token.getSubject());
        }
        if (token.getGroups() != null && !token.getGroups().isEmpty()) {
            request.headers().set(ROLES_HEADER, String.join(",", token.getGroups()));
        }
        return null;
    }

    private static boolean isPersonId(String subject) {
        try {
            return subject != null && UUID.fromString(subject) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response unauthorized(String path, String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .entity(new Problem("urn:ascent:problem:unauthorized", "Unauthorized", 401, detail, path, List.of()))
                .build();
    }
}
