package dev.ascent.gateway.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.kit.problem.HttpProblems;
import dev.ascent.kit.problem.Problem;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * Forwards a public API call to the service that owns it and relays the answer unchanged, except
 * for hop-by-hop headers and {@code Location}, which is rewritten to point at the gateway. A
 * service that cannot be reached becomes a 503 (or 504 on timeout) problem naming the service.
 * Bytes in, bytes out, on Vert.x's core HTTP client: nothing here parses a body.
 */
@Singleton
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    /** RFC 9110 §7.6.1 connection-specific headers, plus those the client library sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    /** What to relay: the service's status, the headers to pass on and its body (empty for none). */
    public record Answer(int status, MultiMap headers, Buffer body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** A call not made: its service's breaker is open. */
    static final class Paused extends RuntimeException {
        Paused(String service) {
            super(service + " is paused by its circuit breaker", null, false, false);
        }
    }

    private final Vertx vertx;
    private final LoopLocalClients<HttpClient> clients;
    private final ObjectMapper json;
    /** Per service: reads share one breaker and are retried once; writes share another and are never retried. */
    private final Map<String, CircuitBreaker> readBreakers = new HashMap<>();
    private final Map<String, CircuitBreaker> writeBreakers = new HashMap<>();

    public ServiceProxy(Vertx vertx, ServiceRoutes routes, ObjectMapper json, MeterRegistry metrics) {
        this.vertx = vertx;
        this.json = json;
        for (ServiceRoutes.Backend backend : routes.all()) {
            readBreakers.put(backend.name(), breaker(metrics, backend.name(), "reads"));
            writeBreakers.put(backend.name(), breaker(metrics, backend.name(), "writes"));
        }
        this.clients = LoopLocalClients.httpClients(vertx, new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout(2_000)
                .setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(64));
    }

    /** Twenty calls in a row with half of them failing to connect or answer pause the service's calls for 5 s. */
    private static CircuitBreaker breaker(MeterRegistry metrics, String service, String calls) {
        CircuitBreaker breaker = new CircuitBreaker(20, 0.5, Duration.ofSeconds(5), 2, System::nanoTime);
        Gauge.builder("ascent.gateway.circuit.open", breaker, b -> b.state() == CircuitBreaker.State.OPEN ? 1 : 0)
                .description("1 while the gateway pauses these calls to the service").tag("service", service)
                .tag("calls", calls).register(metrics);
        return breaker;
    }

    @PreDestroy
    void close() {
        clients.close();
    }

    /**
     * @param uri         path and query to call on the service, such as {@code /api/v1/people?limit=5}
     * @param headers     the headers to send, hop-by-hop ones included (they are left out here)
     * @param body        the request's body, or {@code null} for none
     * @param gatewayBase scheme, host and port the client used to reach the gateway
     * @return the answer to relay; never a failure (an unreachable service is a problem answer)
     */
    public Future<Answer> forward(ServiceRoutes.Backend backend, HttpMethod method, String uri, MultiMap headers,
                                  Buffer body, String gatewayBase) {
        MultiMap sent = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                sent.add(header.getKey(), header.getValue());
            }
        });
        RequestOptions options = new RequestOptions().setMethod(method).setHost(backend.host()).setPort(backend.port())
                .setSsl(backend.tls()).setURI(uri).setHeaders(sent).setTimeout(backend.timeout().toMillis());
        boolean idempotent = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.PUT || method == HttpMethod.DELETE;
        HttpClient client = clients.current();
        Future<Answer> answer;
        if (idempotent) {
            CircuitBreaker breaker = readBreakers.get(backend.name());
            // Once more after 25-75 ms if no answer came, unless the breaker has paused the service meanwhile.
            answer = call(client, options, body, backend, gatewayBase, breaker).recover(failure -> failure instanceof Paused
                    ? Future.failedFuture(failure)
                    : after(50 + ThreadLocalRandom.current().nextLong(-25, 26))
                            .compose(waited -> call(client, options, body, backend, gatewayBase, breaker)));
        } else {
            answer = call(client, options, body, backend, gatewayBase, writeBreakers.get(backend.name()));
        }
        return answer.otherwise(failure -> unavailable(backend, uri, failure));
    }

    private Future<Answer> call(HttpClient client, RequestOptions options, Buffer body, ServiceRoutes.Backend backend,
                                String gatewayBase, CircuitBreaker breaker) {
        if (!breaker.allows()) {
            return Future.failedFuture(new Paused(backend.name()));
        }
        return client.request(options)
                .compose(request -> body == null || body.length() == 0 ? request.send() : request.send(body))
                .compose(response -> response.body().map(bytes -> relay(response, bytes, backend, gatewayBase)))
                .andThen(done -> {
                    if (done.succeeded()) {
                        breaker.succeeded();
                    } else {
                        breaker.failed();
                    }
                });
    }

    private Future<Void> after(long millis) {
        Promise<Void> waited = Promise.promise();
        vertx.setTimer(Math.max(1, millis), id -> waited.complete());
        return waited.future();
    }

    private static Answer relay(HttpClientResponse response, Buffer body, ServiceRoutes.Backend backend, String gatewayBase) {
        MultiMap relayed = MultiMap.caseInsensitiveMultiMap();
        for (var header : response.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name)) {
                continue;
            }
            String value = header.getValue();
            if (name.equals("location")) {
                value = rewriteLocation(value, backend, gatewayBase);
            }
            relayed.add(header.getKey(), value);
        }
        return new Answer(response.statusCode(), relayed, body == null ? Buffer.buffer() : body);
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

    private Answer unavailable(ServiceRoutes.Backend backend, String uri, Throwable failure) {
        if (failure instanceof Paused) {
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

    private Answer problem(ServiceRoutes.Backend backend, String uri, int status, String slug, String title,
                           String detail) {
        Problem problem = Problem.of(status, slug, title, detail, uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", Problem.MEDIA_TYPE).add("Retry-After", "5");
        return new Answer(status, headers, HttpProblems.body(json, problem));
    }
}
