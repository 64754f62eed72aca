package dev.ascent.gateway.routing;

import dev.ascent.kit.problem.Problem;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Forwards a public API call to the service that owns it and relays the answer unchanged, except
 * for hop-by-hop headers and {@code Location}, which is rewritten to point at the gateway. A
 * service that cannot be reached becomes a 503 (or 504 on timeout) problem naming the service.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    /** RFC 9110 §7.6.1 connection-specific headers, plus those the client library sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    private final LoopLocalClients clients;
    /** Per service: reads are retried once and share a breaker; writes are never retried. */
    private final Map<String, TypedGuard<Uni<HttpResponse<Buffer>>>> readGuards = new HashMap<>();
    private final Map<String, TypedGuard<Uni<HttpResponse<Buffer>>>> writeGuards = new HashMap<>();

    public ServiceProxy(Vertx vertx, ServiceRoutes routes) {
        for (ServiceRoutes.Backend backend : routes.all()) {
            readGuards.put(backend.name(), guard(backend.name() + "-reads", true));
            writeGuards.put(backend.name(), guard(backend.name() + "-writes", false));
        }
        this.clients = new LoopLocalClients(vertx, new WebClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(64)
                .setConnectTimeout(2_000)
                .setFollowRedirects(false)
                .setDecompressionSupported(false)
                .setUserAgentEnabled(false));
    }

    @PreDestroy
    void close() {
        clients.close();
    }

    private static TypedGuard<Uni<HttpResponse<Buffer>>> guard(String name, boolean retry) {
        TypedGuard.Builder<Uni<HttpResponse<Buffer>>> builder = TypedGuard.create(RESPONSE)
                .withDescription(name)
                // Twenty calls in a row with half of them failing to connect or answer pause the service for 5 s.
                .withCircuitBreaker().requestVolumeThreshold(20).failureRatio(0.5).delay(5, ChronoUnit.SECONDS)
                .successThreshold(2).done();
        if (retry) {
            builder.withRetry().maxRetries(1).delay(50, ChronoUnit.MILLIS).jitter(25, ChronoUnit.MILLIS)
                    .abortOn(CircuitBreakerOpenException.class).done();
        }
        return builder.build();
    }

    private static final TypeLiteral<Uni<HttpResponse<Buffer>>> RESPONSE = new TypeLiteral<>() {
    };

    /**
     * @param uri         path and query to call on the service, such as {@code /api/v1/people?limit=5}
     * @param gatewayBase scheme, host and port the client used to reach the gateway
     */
    public Uni<Response> forward(ServiceRoutes.Backend backend, HttpMethod method, String uri, MultiMap headers,
                                 byte[] body, String gatewayBase) {
        HttpRequest<Buffer> request = clients.current().request(method, backend.port(), backend.host(), uri)
                .ssl(backend.tls())
                .timeout(backend.timeout().toMillis());
        headers.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                request.putHeader(header.getKey(), header.getValue());
            }
        });
        boolean idempotent = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.PUT || method == HttpMethod.DELETE;
        TypedGuard<Uni<HttpResponse<Buffer>>> guard = (idempotent ? readGuards : writeGuards).get(backend.name());
        Uni<HttpResponse<Buffer>> call = guard.get(() -> body == null || body.length == 0
                ? request.send()
                : request.sendBuffer(Buffer.buffer(body)));
        return call
                .map(response -> relay(response, backend, gatewayBase))
                .onFailure().recoverWithItem(failure -> unavailable(backend, uri, failure));
    }

    private static Response relay(HttpResponse<Buffer> response, ServiceRoutes.Backend backend, String gatewayBase) {
        Response.ResponseBuilder builder = Response.status(response.statusCode());
        for (var header : response.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name)) {
                continue;
            }
            String value = header.getValue();
            if (name.equals("location")) {
                value = rewriteLocation(value, backend, gatewayBase);
            }
            builder.header(header.getKey(), value);
        }
        Buffer body = response.body();
        if (body != null && body.length() > 0) {
            builder.entity(body.getBytes());
        }
        return builder.build();
    }

    static String rewriteLocation(String location, ServiceRoutes.Backend backend, String gatewayBase) {
        String serviceBase = backend.url().toString().replaceAll("/+$", "");
        if (location.startsWith(serviceBase)) {
            return gatewayBase + location.substring(serviceBase.length());
        }
        // Services build Location from the Host header they were sent; that is the backend's address.
        String hostBase = (backend.tls() ? "https://" : "http://") + backend.host() + ":" + backend.port();
        return location.startsWith(hostBase) ? gatewayBase + location.substring(hostBase.length()) : location;
    }

    private static Response unavailable(ServiceRoutes.Backend backend, String uri, Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return problem(backend, uri, 503, "service-unavailable", "Service unavailable",
                    backend.name() + " is failing; calls to it are paused for a few seconds");
        }
        boolean timedOut = failure instanceof TimeoutException
                || failure instanceof io.netty.handler.timeout.TimeoutException
                || String.valueOf(failure.getMessage()).contains("timeout");
        LOG.warnf("%s did not answer %s: %s", backend.name(), uri, failure.toString());
        int status = timedOut ? HttpResponseStatus.GATEWAY_TIMEOUT.code() : HttpResponseStatus.SERVICE_UNAVAILABLE.code();
        return problem(backend, uri, status, timedOut ? "service-timeout" : "service-unavailable",
                timedOut ? "Service timed out" : "Service unavailable",
                backend.name() + (timedOut ? " did not answer in time" : " is unavailable; try again shortly"));
    }

    private static Response problem(ServiceRoutes.Backend backend, String uri, int status, String slug, String title,
                                    String detail) {
        Problem problem = new Problem("urn:ascent:problem:" + slug, title, status, detail,
                uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri, List.of());
        return Response.status(status).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(problem).build();
    }
}
