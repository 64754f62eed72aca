package dev.ascent.kit.limits;

import dev.ascent.kit.KitConfig;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every response carries, whoever answered it (a resource, a mapper, a guard, a relayed
 * service, the static web app): no MIME sniffing, no framing, no referrer leaving the platform, and API
 * answers (all of them personal or access-controlled) never stored by a browser or proxy. HTML answers
 * (the web app the gateway serves) get the strict Content-Security-Policy and are revalidated on every
 * load; its content-hashed assets under {@code /assets/} are cached for good.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The first route of all, so even the earliest refusals carry the headers. */
    public static final int ORDER = Integer.MIN_VALUE;

    private final String htmlPolicy;

    public SecurityHeaders(KitConfig config) {
        this.htmlPolicy = config.headers().htmlContentSecurityPolicy().strip();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(ctx -> {
            ctx.addHeadersEndHandler(done -> {
                var headers = ctx.response().headers();
                String path = ctx.normalizedPath();
                String type = headers.get("Content-Type");
                boolean html = type != null && type.regionMatches(true, 0, "text/html", 0, 9);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Content-Security-Policy", html ? htmlPolicy : "frame-ancestors 'none'");
                headers.set("Referrer-Policy", "no-referrer");
                if (path.startsWith("/api/")) {
                    headers.set("Cache-Control", "no-store");
                } else if (path.startsWith("/assets/") && ctx.response().getStatusCode() == 200) {
                    headers.set("Cache-Control", "public, max-age=31536000, immutable");
                } else if (html) {
                    headers.set("Cache-Control", "no-cache");
                }
            });
            ctx.next();
        });
    }
}
