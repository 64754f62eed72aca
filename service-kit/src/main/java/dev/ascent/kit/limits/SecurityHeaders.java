package dev.ascent.kit.limits;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every response carries, whoever answered it (a resource, a mapper, a guard, a relayed
 * service): no MIME sniffing, no framing, no referrer leaving the platform, and API answers (all of
 * them personal or access-controlled) never stored by a browser or proxy.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The first route of all, so even the earliest refusals carry the headers. */
    public static final int ORDER = Integer.MIN_VALUE;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(ctx -> {
            ctx.addHeadersEndHandler(done -> {
                var headers = ctx.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Content-Security-Policy", "frame-ancestors 'none'");
                headers.set("Referrer-Policy", "no-referrer");
                if (ctx.normalizedPath().startsWith("/api/")) {
                    headers.set("Cache-Control", "no-store");
                }
            });
            ctx.next();
        });
    }
}
