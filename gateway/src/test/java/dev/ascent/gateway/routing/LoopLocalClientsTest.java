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
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class LoopLocalClientsTest {

    private Vertx vertx;
    private HttpServer server;
    /** The client ends of the connections the server was called on: one per connection opened. Each answer names its own. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();
    private LoopLocalClients<WebClient> clients;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        server = vertx.createHttpServer().requestHandler(request -> {
            connections.add(request.remoteAddress().port());
            request.response().endAndForget(String.valueOf(request.remoteAddress().port()));
        }).listen(0).await().atMost(Duration.ofSeconds(10));
        clients = LoopLocalClients.webClients(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(4));
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
        Set<Integer> firstLoopsConnections = new HashSet<>();
        Set<Integer> secondLoopsConnections = new HashSet<>();
        for (int round = 0; round < 10; round++) {
            firstLoopsConnections.add(connectionOf(first, clients::current));
            secondLoopsConnections.add(connectionOf(second, clients::current));
        }
        assertThat(clients.loopClients()).isEqualTo(2);
        // One kept-alive connection per loop: a loop never writes on a connection the other loop opened.
        assertThat(connections).hasSize(2);
        assertThat(firstLoopsConnections).hasSize(1).doesNotContainAnyElementsOf(secondLoopsConnections);
    }

    @Test
    void oneSharedClientMixesTheLoopsOnOneConnection() throws Exception {
        // What LoopLocalClients avoids: with one client, a connection one loop opened carries the other loop's
        // calls. (How many connections it opens is a race: a call can come before the last answer's connection
        // is back in the pool. That some connection serves both loops is what matters, and what is checked.)
        WebClient shared = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(4));
        Context first = loopContext();
        Context second = loopContext();
        Set<Integer> firstLoopsConnections = new HashSet<>();
        Set<Integer> secondLoopsConnections = new HashSet<>();
        for (int round = 0; round < 10; round++) {
            firstLoopsConnections.add(connectionOf(first, () -> shared));
            secondLoopsConnections.add(connectionOf(second, () -> shared));
        }
        shared.close();
        assertThat(firstLoopsConnections).containsAnyElementsOf(secondLoopsConnections);
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

    /** The client end (port) of the connection a call from {@code context} went on, as the server saw it. */
    private int connectionOf(Context context, Supplier<WebClient> client) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        context.runOnContext(() -> client.get().get(server.actualPort(), "127.0.0.1", "/").send().subscribe()
                .with(response -> answer.complete(response.bodyAsString()), answer::completeExceptionally));
        return Integer.parseInt(answer.get(10, TimeUnit.SECONDS));
    }
}
