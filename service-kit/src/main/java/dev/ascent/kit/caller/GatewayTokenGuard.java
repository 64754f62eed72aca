package dev.ascent.kit.caller;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.kit.KitConfig;
import dev.ascent.kit.problem.HttpProblems;
import dev.ascent.kit.problem.Problem;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Optional;

/**
 * Deny by default: every request on the service's HTTP port needs a token the gateway signed,
 * except the few open paths ({@code ascent.kit.access.open-paths}). Runs ahead of every route, on
 * the normalised path (so {@code //api}, {@code /./api}, {@code /%61pi} and {@code /x/../api} are
 * one path), and an open path counts only when spelled canonically. The identity the token names is
 * what {@link Caller} reports; no header or body can change it. Health and metrics live on the
 * management port, which this guard does not see.
 */
@ApplicationScoped
public class GatewayTokenGuard {

    /** Identity headers earlier versions trusted; dropped so nothing downstream can read a forged one. */
    static final List<String> LEGACY_IDENTITY_HEADERS = List.of("X-Ascent-Actor-Id", "X-Ascent-Roles");
    /** Runs right after the body limit, before any route that could read a body or answer. */
    public static final int ORDER = Integer.MIN_VALUE + 10;

    void install(@Observes Router router, VerifiedTokens tokens, KitConfig config, ObjectMapper json) {
        if (!config.access().requireGatewayToken()) {
            return;
        }
        List<String> open = config.access().openPaths();
        router.route().order(ORDER).handler(ctx -> {
            LEGACY_IDENTITY_HEADERS.forEach(ctx.request().headers()::remove);
            String path = ctx.normalizedPath();
            if (isOpen(path, ctx.request().path(), open)) {
                ctx.next();
                return;
            }
            Optional<String> token = bearerToken(ctx.request().getHeader("Authorization"));
            if (token.isEmpty()) {
                refuse(ctx, json, "Calls must come through the gateway with its token");
                return;
            }
            Optional<CallerIdentity> identity = tokens.verify(token.get());
            if (identity.isEmpty()) {
                refuse(ctx, json, "The gateway token is not valid");
                return;
            }
            ctx.put(CallerIdentity.KEY, identity.get());
            ctx.next();
        });
    }

    /** Open only when the normalised path is under an open prefix and the client spelled it so. */
    static boolean isOpen(String normalized, String raw, List<String> openPaths) {
        if (normalized == null || !normalized.equals(raw)) {
            return false;
        }
        for (String prefix : openPaths) {
            if (normalized.equals(prefix) || normalized.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")
                    || prefix.endsWith("/") && normalized.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Bearer <token>}, the scheme in any case and with any spacing; nothing else. */
    static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (!value.regionMatches(true, 0, "Bearer", 0, 6) || value.length() == 6
                || !Character.isWhitespace(value.charAt(6))) {
            return Optional.empty();
        }
        String token = value.substring(7).strip();
        return token.isEmpty() || token.chars().anyMatch(Character::isWhitespace) ? Optional.empty() : Optional.of(token);
    }

    private static void refuse(RoutingContext ctx, ObjectMapper json, String detail) {
        Problem problem = Problem.of(401, "unauthorized", "Unauthorized", detail, ctx.normalizedPath());
        HttpProblems.end(ctx.response().putHeader("WWW-Authenticate", "Bearer"), json, problem);
    }
}
