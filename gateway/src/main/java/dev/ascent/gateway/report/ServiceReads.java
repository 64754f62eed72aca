package dev.ascent.gateway.report;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.gateway.access.GatewayTokens;
import dev.ascent.gateway.routing.LoopLocalClients;
import dev.ascent.gateway.routing.ServiceRoutes;
import dev.ascent.kit.answers.IncompleteAnswers;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON calls from the gateway to a service's bulk endpoints, with the service's own time limit. */
@Singleton
public class ServiceReads {

    /** A service answered with an error status. */
    public static final class ServiceError extends RuntimeException {
        public final int status;

        ServiceError(String service, int status) {
            super(service + " answered " + status, null, false, false);
            this.status = status;
        }
    }

    private final LoopLocalClients<WebClient> clients;
    private final ObjectMapper json;
    private final GatewayTokens tokens;

    public ServiceReads(Vertx vertx, ObjectMapper json, GatewayTokens tokens) {
        this.tokens = tokens;
        this.clients = LoopLocalClients.webClients(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(32)
                .setConnectTimeout(2_000).setTryUseCompression(true));
        this.json = json;
    }

    @PreDestroy
    void close() {
        clients.close();
    }

    public <T> Uni<T> get(ServiceRoutes.Backend backend, String uri, Class<T> type) {
        return fetch(backend, uri).map(response -> read(backend, response, json.constructType(type)));
    }

    public <T> Uni<T> post(ServiceRoutes.Backend backend, String uri, Object body, Class<T> type) {
        return send(backend, uri, body).map(response -> read(backend, response, json.constructType(type)));
    }

    /**
     * An answer as it came, for a caller that relays it. {@code keepable}: the service did not mark it
     * {@linkplain dev.ascent.kit.answers.IncompleteAnswer incomplete} (docs/service-contracts.md).
     */
    public record Relayed(byte[] body, boolean keepable) {
    }

    /** The answer's bytes as they came, for a caller that relays them; an error status fails as {@link ServiceError}. */
    public Uni<Relayed> bytes(ServiceRoutes.Backend backend, String uri) {
        return fetch(backend, uri).map(response -> {
            if (response.statusCode() >= 300) {
                throw new ServiceError(backend.name(), response.statusCode());
            }
            AnswerChunks body = response.body();
            return new Relayed(body == null ? new byte[0] : body.bytes(), keepable(response.getHeader(IncompleteAnswers.HEADER)));
        });
    }

    /** Whether an answer whose {@value IncompleteAnswers#HEADER} header is this may be kept: only one without it. */
    public static boolean keepable(String incomplete) {
        return incomplete == null;
    }

    /** As {@link #get(ServiceRoutes.Backend, String, Class)}, the answer read by a streaming reader. */
    <T> Uni<T> get(ServiceRoutes.Backend backend, String uri, ServiceViewsJson.Reader<T> reader) {
        return fetch(backend, uri).map(response -> read(backend, response, reader));
    }

    private Uni<HttpResponse<AnswerChunks>> fetch(ServiceRoutes.Backend backend, String uri) {
        return clients.current().get(backend.port(), backend.host(), uri).ssl(backend.tls())
                .timeout(backend.timeout().toMillis())
                .putHeader("Accept", "application/json")
                .putHeader("Authorization", "Bearer " + tokens.forGateway())
                .as(AnswerChunks.codec())
                .send();
    }

    /** As {@link #post(ServiceRoutes.Backend, String, Object, Class)}, the answer read by a streaming reader. */
    <T> Uni<T> post(ServiceRoutes.Backend backend, String uri, Object body, ServiceViewsJson.Reader<T> reader) {
        return send(backend, uri, body).map(response -> read(backend, response, reader));
    }

    private Uni<HttpResponse<AnswerChunks>> send(ServiceRoutes.Backend backend, String uri, Object body) {
        return clients.current().post(backend.port(), backend.host(), uri).ssl(backend.tls())
                .timeout(backend.timeout().toMillis())
                .putHeader("Accept", "application/json")
                .putHeader("Content-Type", "application/json")
                .putHeader("Authorization", "Bearer " + tokens.forGateway())
                .as(AnswerChunks.codec())
                .sendBuffer(Buffer.buffer(write(body)));
    }

    private <T> T read(ServiceRoutes.Backend backend, HttpResponse<AnswerChunks> response,
                       ServiceViewsJson.Reader<T> reader) {
        try (JsonParser parser = parser(backend, response)) {
            return ServiceViewsJson.read(parser, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(backend.name() + " answered unreadable JSON", e);
        }
    }

    private <T> T read(ServiceRoutes.Backend backend, HttpResponse<AnswerChunks> response, JavaType type) {
        try (JsonParser parser = parser(backend, response)) {
            return json.readValue(parser, type);
        } catch (IOException e) {
            throw new UncheckedIOException(backend.name() + " answered unreadable JSON", e);
        }
    }

    /** A parser over the answer's chunks, once its status says it is one. */
    private JsonParser parser(ServiceRoutes.Backend backend, HttpResponse<AnswerChunks> response) throws IOException {
        if (response.statusCode() >= 300) {
            throw new ServiceError(backend.name(), response.statusCode());
        }
        AnswerChunks body = response.body();
        if (body == null || body.isEmpty()) {
            throw new JsonParseException(null, "an empty answer");
        }
        // A 10,000-person readiness answer holds about 50,000 ratings, and the JDK's parser was a hot spot
        // of reading it (36 MB of garbage in 20 reports); FastDoubleParser rounds exactly as it does.
        return json.getFactory().createParser(body.stream())
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
