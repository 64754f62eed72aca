package dev.ascent.gateway.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.ascent.gateway.GatewayConfig;
import dev.ascent.gateway.report.ServiceReads;
import dev.ascent.gateway.routing.ServiceRoutes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the gateway needs to know of the directory to decide access: who a token's email is, and
 * who manages whom. Answers are remembered briefly so that access checks cost no call on the
 * common path; a reporting-line change takes effect within the cache's lifetime.
 */
@ApplicationScoped
public class PeopleDirectory {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Found(List<Person> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(UUID id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(UUID personId, List<UUID> managers) {
    }

    private record Cached<T>(T value, long expiresAtNanos) {
    }

    private final ServiceReads reads;
    private final ServiceRoutes routes;
    private final Duration ttl;
    private final Map<String, Cached<Optional<UUID>>> byEmail = new ConcurrentHashMap<>();
    private final Map<UUID, Cached<List<UUID>>> lines = new ConcurrentHashMap<>();

    public PeopleDirectory(ServiceReads reads, ServiceRoutes routes, GatewayConfig config) {
        this.reads = reads;
        this.routes = routes;
        this.ttl = config.auth().directoryCacheTtl();
    }

    public Uni<Optional<UUID>> personIdForEmail(String email) {
        return cached(byEmail, email.toLowerCase(java.util.Locale.ROOT), () -> reads.get(assessment(),
                        "/api/v1/people?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), Found.class)
                .map(found -> found.items() == null ? Optional.<UUID>empty()
                        : found.items().stream().findFirst().map(Person::id)));
    }

    /** Everyone above {@code personId}, nearest first; empty for an unknown person. */
    public Uni<List<UUID>> managersOf(UUID personId) {
        return cached(lines, personId, () -> reads.get(assessment(), "/api/v1/people/" + personId + "/line", Line.class)
                .map(line -> line.managers() == null ? List.<UUID>of() : line.managers())
                .onFailure(e -> e instanceof ServiceReads.ServiceError se && se.status == 404)
                .recoverWithItem(List.of()));
    }

    private <K, V> Uni<V> cached(Map<K, Cached<V>> cache, K key, Supplier<Uni<V>> load) {
        Cached<V> hit = cache.get(key);
        if (hit != null && hit.expiresAtNanos() > System.nanoTime()) {
            return Uni.createFrom().item(hit.value());
        }
        return load.get().invoke(value -> cache.put(key, new Cached<>(value, System.nanoTime() + ttl.toNanos())));
    }

    private ServiceRoutes.Backend assessment() {
        return routes.named("assessment-service").orElseThrow();
    }
}
