package dev.ascent.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ascent.gateway.GatewayConfig;
import dev.ascent.kit.problem.Problem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Rate limits that protect the platform before any work is done: each client (its bearer token,
 * else its address) gets a token bucket, beyond which calls are 429 with {@code Retry-After}. (Body
 * sizes are the kit's {@code BodyLimit}'s, on every path.)
 */
@ApplicationScoped
public class RequestLimits {

    private final GatewayConfig.Limits limits;
    private final Cache<String, Bucket> buckets;

    public RequestLimits(GatewayConfig config) {
        this.limits = config.limits();
        // Bounded, so that a flood of made-up tokens cannot exhaust memory.
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = context.normalizedPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        Bucket bucket = buckets.get(clientKey(request), key -> Bucket.builder()
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

    private static String clientKey(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            return "token:" + sha256(authorization);
        }
        return "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    private static Response problem(int status, String slug, String title, String detail, String path, String retryAfter) {
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("urn:ascent:problem:" + slug, title, status, detail, path, List.of()));
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
