package dev.ascent.gateway.web;

import dev.ascent.kit.limits.SecurityHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * The web app (the {@code web} module's jar: {@code META-INF/resources}, which Quarkus serves at
 * {@code /}) routes in the browser, so a deep link such as {@code /evidence/42} that a browser loads
 * gets the app's {@code index.html}: any GET or HEAD that accepts HTML, outside {@code /api/},
 * {@code /auth/}, {@code /q/} and {@code /assets/}, whose last segment has no file extension. The API
 * is untouched: a missing API path stays a 404 problem. Headers are {@link SecurityHeaders}'s.
 */
@ApplicationScoped
public class WebAppFallback {

    static final String INDEX = "/index.html";
    private static final List<String> NOT_THE_APP = List.of("/api/", "/auth/", "/q/", "/assets/");

    void install(@Observes Router router) {
        if (Thread.currentThread().getContextClassLoader().getResource("META-INF/resources" + INDEX) == null) {
            return; // no web app on the class path (a gateway built without it): nothing to fall back to
        }
        router.route().order(SecurityHeaders.ORDER + 1).handler(ctx -> {
            if (isDeepLink(ctx)) {
                ctx.reroute(INDEX);
            } else {
                ctx.next();
            }
        });
    }

    static boolean isDeepLink(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String path = ctx.normalizedPath();
        String accept = ctx.request().getHeader("Accept");
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && accept != null && accept.contains("text/html")
                && !path.equals("/") && !path.equals(INDEX)
                && NOT_THE_APP.stream().noneMatch(prefix -> path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1)))
                && !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }
}
