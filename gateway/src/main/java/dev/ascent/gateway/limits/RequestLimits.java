package dev.ascent.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ascent.gateway.GatewayConfig;
import dev.ascent.gateway.access.AccessControl;
import dev.ascent.gateway.access.CallerResolver;
import dev.ascent.kit.problem.Problem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.List;

/**
 * Rate limits that protect the platform before any work is done (docs/architecture.md §4): each
 * client gets a token bucket, beyond which calls are 429 with {@code Retry-After}. The client is
 * who the credentials verifiably are (a bearer token's subject, an API key's id), so neither the
 * header's spelling nor a fresh token of the same person opens a new bucket; every other call (no
 * credentials, invalid or made-up ones, a key not yet recognised, and every call to a route that
 * takes no credentials) is its address's. Every request is charged once, here, before it is routed.
 * The identity costs no extra verification: a token is verified here at most once a minute and the
 * verdict is what {@link CallerResolver} then finds remembered. (Body sizes are the kit's
 * {@code BodyLimit}'s, on every path.)
 */
@ApplicationScoped
public class RequestLimits {

    private final GatewayConfig.Limits limits;
    private final CallerResolver callers;
    private final Cache<String, Bucket> buckets;

    public RequestLimits(GatewayConfig config, CallerResolver callers) {
        this.limits = config.limits();
        this.callers = callers;
        // Bounded; made-up credentials share their address's bucket, so they cannot add buckets anyway.
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(RoutingContext context) {
        String path = context.normalizedPath();
        Bucket bucket = buckets.get(clientKey(context.request(), path), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.burst())
                        .refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            return problem(429, "rate-limited", "Too many requests",
                    "This client sends more than " + limits.requestsPerSecond() + " requests per second; retry after "
                            + seconds + " s", path, String.valueOf(seconds));
        }
        return null;
    }

    /** {@code subject:…} or {@code api-key:…} for valid credentials, else {@code address:…}. */
    String clientKey(HttpServerRequest request, String path) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !AccessControl.takesNoCredentials(path)) {
            var identity = callers.verifiedIdentity(authorization);
            if (identity.isPresent()) {
                return identity.get();
            }
        }
        return "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    /** Forgets every bucket; for tests, which all call from one address. */
    void forgetAll() {
        buckets.invalidateAll();
    }

    private static Response problem(int status, String slug, String title, String detail, String path, String retryAfter) {
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("urn:ascent:problem:" + slug, title, status, detail, path, List.of()));
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }
}
