package dev.ascent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** A JDK HTTP client for loopback calls, and a bounded load loop that records latencies in HdrHistogram. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    JsonNode send(String method, String url, String authorization, String contentType, byte[] body, int... expected)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = raw(method, url, authorization, contentType, body);
        for (int status : expected) {
            if (response.statusCode() == status) {
                byte[] bytes = response.body();
                return bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
            }
        }
        throw new IOException(method + " " + url + " answered " + response.statusCode() + ": "
                + new String(response.body()).substring(0, Math.min(300, response.body().length)));
    }

    JsonNode json(String method, String url, String authorization, Object body, int... expected)
            throws IOException, InterruptedException {
        return send(method, url, authorization, "application/json",
                body == null ? new byte[0] : JSON.writeValueAsBytes(body), expected);
    }

    HttpResponse<byte[]> raw(String method, String url, String authorization, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GETs with extra headers (a session cookie, say); returns the status. */
    int getWithHeaders(String url, java.util.Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** POSTs a JSON body with extra headers; returns the status. */
    int rawWithHeaders(String url, String body, java.util.Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Runs {@code requests} calls on {@code clients} threads; each call's latency goes into the
     * histogram (microseconds). Bounded by count and by {@code limit}; stops at whichever comes first.
     */
    static Histogram load(int clients, int requests, Duration limit, IntFunction<Callable<Void>> call) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        return onThreads(clients, client -> () -> {
            Histogram mine = new Histogram(60_000_000L, 3);
            for (int i = client; i < requests && System.nanoTime() < deadline; i += clients) {
                long start = System.nanoTime();
                call.apply(i).call();
                mine.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
            }
            return mine;
        });
    }

    /**
     * Calls at a steady {@code perSecond} in all, spread over {@code clients} threads (an open loop: each
     * call has its scheduled start, whether or not the one before it has answered), and records each
     * call's latency from its scheduled start, so a call that waits behind a slow one counts its wait
     * (no coordinated omission). Unlike {@link #load}, both paths of a comparison meet the same offered load.
     */
    static Histogram paced(int clients, double perSecond, int requests, IntFunction<Callable<Void>> call) throws Exception {
        long intervalNanos = (long) (1e9 / perSecond);
        long start = System.nanoTime() + 10_000_000L;
        return onThreads(clients, client -> () -> {
            Histogram mine = new Histogram(60_000_000L, 3);
            for (int i = client; i < requests; i += clients) {
                long scheduled = start + i * intervalNanos;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                call.apply(i).call();
                mine.recordValue(Math.max(1, (System.nanoTime() - scheduled) / 1_000));
            }
            return mine;
        });
    }

    /** Runs one loop per client on a thread of its own and adds up their latencies (microseconds). */
    private static Histogram onThreads(int clients, IntFunction<Callable<Histogram>> loop) throws Exception {
        Histogram total = new Histogram(60_000_000L, 3);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Histogram>> parts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                parts.add(pool.submit(loop.apply(c)));
            }
            for (Future<Histogram> part : parts) {
                total.add(part.get());
            }
        }
        return total;
    }

    static String ms(Histogram h, double percentile) {
        return String.format("%.2f", h.getValueAtPercentile(percentile) / 1000.0);
    }
}
