package dev.ascent.gateway.routing;

import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import io.vertx.mutiny.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class LoopLocalClientsTest {

    private Vertx vertx;
    private HttpServer server;
    /** The client ends of the connections the server was called on: one per connection opened. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();
    private LoopLocalClients clients;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        server = vertx.createHttpServer().requestHandler(request -> {
            connections.add(request.remoteAddress().port());
            request.response().endAndForget("ok");
        }).listen(0).await().atMost(Duration.ofSeconds(10));
        clients = new LoopLocalClients(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(4));
    }

    @AfterEach
    void stop() {
        clients.close();
        server.closeAndAwait();
        vertx.closeAndAwait();
    }

    @Test
    void eachEventLoopCallsOnConnectionsItOpened() throws Exception {
        Context first = loopContext();
        Context second = loopContext();
        for (int round = 0; round < 3; round++) {
            callOn(first, clients::current);
            callOn(second, clients::current);
        }
        assertThat(clients.loopClients()).isEqualTo(2);
        // One kept-alive connection per loop: a loop never writes on a connection the other loop opened.
        assertThat(connections).hasSize(2);
    }

    @Test
    void oneSharedClientMixesTheLoopsOnOneConnection() throws Exception {
        // What LoopLocalClients avoids: calls in turn from two loops reuse one connection, bound to one of them.
        WebClient shared = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(4));
        Context first = loopContext();
        Context second = loopContext();
        for (int round = 0; round < 3; round++) {
            callOn(first, () -> shared);
            callOn(second, () -> shared);
        }
        shared.close();
        assertThat(connections).hasSize(1);
    }

    @Test
    void callsOffTheEventLoopsShareOneClient() throws Exception {
        CompletableFuture<WebClient> onWorker = new CompletableFuture<>();
        vertx.getDelegate().executeBlocking(() -> {
            onWorker.complete(clients.current());
            return null;
        });
        assertThat(onWorker.get(10, TimeUnit.SECONDS)).isSameAs(clients.current());
        assertThat(clients.loopClients()).isZero();
    }

    /** A new event-loop context: event loops are handed out in turn, so two in a row sit on different loops. */
    private Context loopContext() {
        return Context.newInstance(((VertxInternal) vertx.getDelegate()).createEventLoopContext());
    }

    private void callOn(Context context, Supplier<WebClient> client) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        context.runOnContext(() -> client.get().get(server.actualPort(), "127.0.0.1", "/").send().subscribe()
                .with(response -> answer.complete(response.bodyAsString()), answer::completeExceptionally));
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
    }
}
