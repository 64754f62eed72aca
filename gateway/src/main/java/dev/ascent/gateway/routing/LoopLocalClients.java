package dev.ascent.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One HTTP client per Vert.x event loop, for calls to the services. Vert.x binds a pooled
 * connection to the event loop that opened it: with one shared client, a request that arrived on
 * one loop was written on a connection of another and its answer handed back across threads, two
 * wake-ups and context switches per hop. A call made on an event loop takes that loop's client,
 * whose connections that loop opened, so the call and its answer stay on the thread. Calls made
 * off the event loops (a worker thread) share one more client. The clients are as many as the
 * loops, which are fixed, plus one, and each has the options' pool: its maximum number of
 * connections is per loop.
 *
 * @param <C> the kind of client: Vert.x's core {@link HttpClient} for the proxy, which relays bytes, or a
 *            {@link WebClient} for the gateway's own JSON reads
 */
public final class LoopLocalClients<C> implements AutoCloseable {

    private final Supplier<C> create;
    private final Consumer<C> close;
    private final C offLoop;
    private final Map<Thread, C> byLoop = new ConcurrentHashMap<>();

    private LoopLocalClients(Supplier<C> create, Consumer<C> close) {
        this.create = create;
        this.close = close;
        this.offLoop = create.get();
    }

    /** Web clients, each with its own copy of {@code options}. */
    public static LoopLocalClients<WebClient> webClients(Vertx vertx, WebClientOptions options) {
        return new LoopLocalClients<>(() -> WebClient.create(vertx, new WebClientOptions(options)), WebClient::close);
    }

    /** Core HTTP clients, each with its own copy of {@code options} and {@code pool}. */
    public static LoopLocalClients<HttpClient> httpClients(io.vertx.core.Vertx vertx, HttpClientOptions options,
                                                           PoolOptions pool) {
        return new LoopLocalClients<>(() -> vertx.createHttpClient(new HttpClientOptions(options), new PoolOptions(pool)),
                HttpClient::close);
    }

    /** The client for the calling thread. */
    public C current() {
        if (!Context.isOnEventLoopThread()) {
            return offLoop;
        }
        return byLoop.computeIfAbsent(Thread.currentThread(), loop -> create.get());
    }

    /** How many event loops have a client of their own (for tests). */
    int loopClients() {
        return byLoop.size();
    }

    @Override
    public void close() {
        byLoop.values().forEach(close);
        close.accept(offLoop);
    }
}
