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
import java.util.Optional;

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
// Application-scoped, not a singleton: the REST layer creates its filters at build-time initialisation, before
// the runtime configuration this reads exists; the scope's proxy defers that to the first request.
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

    /** A call over its client's limit: the problem to answer and when to retry. */
    public record Refusal(Problem problem, long retryAfterSeconds) {
    }

    /** The REST layer's requests (the public API's route charges those it forwards, which never reach it). */
    @ServerRequestFilter(preMatching = true)
    public Response limit(RoutingContext context) {
        return charge(context).map(refusal -> Response.status(refusal.problem().status()).type(Problem.MEDIA_TYPE)
                .entity(refusal.problem()).header("Retry-After", String.valueOf(refusal.retryAfterSeconds())).build())
                .orElse(null);
    }

    /** Charges the request's client for it; a refusal when the client is over its limit. */
    public Optional<Refusal> charge(RoutingContext context) {
        String path = context.normalizedPath();
        Bucket bucket = buckets.get(clientKey(context.request(), path), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.burst())
                        .refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return Optional.of(new Refusal(new Problem(Problem.TYPE_PREFIX + "rate-limited", "Too many requests", 429,
                "This client sends more than " + limits.requestsPerSecond() + " requests per second; retry after "
                        + seconds + " s", path, List.of()), seconds));
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
}
