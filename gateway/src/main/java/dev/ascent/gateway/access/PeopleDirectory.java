package dev.ascent.gateway.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.ascent.gateway.GatewayConfig;
import dev.ascent.gateway.report.ServiceReads;
import dev.ascent.gateway.routing.ServiceRoutes;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

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
@Singleton
public class PeopleDirectory {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Found(List<Person> items) {
    }

    /** A person as the directory lists them; only what sign-in and access need. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(UUID id, String name, String email, String level, UUID managerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(UUID personId, List<UUID> managers) {
    }

    private record Cached<T>(T value, long expiresAtNanos) {
    }

    private final ServiceReads reads;
    private final ServiceRoutes routes;
    private final Duration ttl;
    private final Map<String, Cached<Optional<Person>>> byEmail = new ConcurrentHashMap<>();
    private final Map<UUID, Cached<List<UUID>>> lines = new ConcurrentHashMap<>();

    public PeopleDirectory(ServiceReads reads, ServiceRoutes routes, GatewayConfig config) {
        this.reads = reads;
        this.routes = routes;
        this.ttl = config.auth().directoryCacheTtl();
    }

    public Uni<Optional<UUID>> personIdForEmail(String email) {
        return personForEmail(email).map(found -> found.map(Person::id));
    }

    /** The person with this email (remembered for the cache's lifetime, so sessions cost no call per request). */
    public Uni<Optional<Person>> personForEmail(String email) {
        return cached(byEmail, email.toLowerCase(java.util.Locale.ROOT), () -> reads.get(assessment(),
                        "/api/v1/people?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), Found.class)
                .map(found -> found.items() == null ? Optional.<Person>empty() : found.items().stream().findFirst()));
    }

    /** The first {@code limit} people in the directory (the development sign-in's list), not cached. */
    public Uni<List<Person>> firstPeople(int limit) {
        return reads.get(assessment(), "/api/v1/people?limit=" + limit, Found.class)
                .map(found -> found.items() == null ? List.<Person>of() : found.items());
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
