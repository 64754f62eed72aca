package dev.ascent.gateway.routing;

import io.vertx.core.Context;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link WebClient} per Vert.x event loop, for calls to the services. Vert.x binds a pooled
 * connection to the event loop that opened it: with one shared client, a request that arrived on
 * one loop was written on a connection of another and its answer handed back across threads, two
 * wake-ups and context switches per hop. A call made on an event loop takes that loop's client,
 * whose connections that loop opened, so the call and its answer stay on the thread. Calls made
 * off the event loops (a worker thread) share one more client. The clients are as many as the
 * loops, which are fixed, plus one, and each has the options' pool: its maximum number of
 * connections is per loop.
 */
public final class LoopLocalClients implements AutoCloseable {

    private final Vertx vertx;
    private final WebClientOptions options;
    private final WebClient offLoop;
    private final Map<Thread, WebClient> byLoop = new ConcurrentHashMap<>();

    public LoopLocalClients(Vertx vertx, WebClientOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.offLoop = WebClient.create(vertx, new WebClientOptions(options));
    }

    /** The client for the calling thread. */
    public WebClient current() {
        if (!Context.isOnEventLoopThread()) {
            return offLoop;
        }
        return byLoop.computeIfAbsent(Thread.currentThread(), loop -> WebClient.create(vertx, new WebClientOptions(options)));
    }

    /** How many event loops have a client of their own (for tests). */
    int loopClients() {
        return byLoop.size();
    }

    @Override
    public void close() {
        byLoop.values().forEach(WebClient::close);
        offLoop.close();
    }
}
