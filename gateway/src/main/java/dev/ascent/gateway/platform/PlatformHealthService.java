package dev.ascent.gateway.platform;

import dev.ascent.gateway.GatewayConfig;
import dev.ascent.gateway.routing.ServiceRoutes;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Asks every service for its readiness at once and reports them side by side. */
@ApplicationScoped
public class PlatformHealthService {

    private final ServiceRoutes routes;
    private final SmallRyeHealthReporter ownHealth;
    private final Duration timeout;
    private final WebClient client;

    public PlatformHealthService(ServiceRoutes routes, SmallRyeHealthReporter ownHealth, GatewayConfig config,
                                 Vertx vertx) {
        this.routes = routes;
        this.ownHealth = ownHealth;
        this.timeout = config.health().serviceTimeout();
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) timeout.toMillis()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<PlatformHealth> check() {
        List<Uni<PlatformHealth.Component>> checks = new ArrayList<>();
        checks.add(gateway());
        routes.all().forEach(backend -> checks.add(service(backend)));
        return Uni.join().all(checks).andFailFast().map(components -> new PlatformHealth(
                components.stream().allMatch(c -> c.status().equals("UP")) ? "UP" : "DOWN", components));
    }

    private Uni<PlatformHealth.Component> gateway() {
        long start = System.nanoTime();
        return ownHealth.getReadinessAsync().map(health -> new PlatformHealth.Component("gateway",
                health.isDown() ? "DOWN" : "UP", elapsedMs(start), health.isDown() ? "a readiness check failed" : null));
    }

    private Uni<PlatformHealth.Component> service(ServiceRoutes.Backend backend) {
        long start = System.nanoTime();
        java.net.URI management = backend.managementUrl();
        boolean tls = "https".equals(management.getScheme());
        int port = management.getPort() == -1 ? (tls ? 443 : 80) : management.getPort();
        return client.get(port, management.getHost(), "/q/health/ready")
                .ssl(tls)
                .timeout(timeout.toMillis())
                .send()
                .map(response -> response.statusCode() == 200
                        ? new PlatformHealth.Component(backend.name(), "UP", elapsedMs(start), null)
                        : new PlatformHealth.Component(backend.name(), "DOWN", elapsedMs(start),
                                "readiness answered " + response.statusCode()))
                .onFailure().recoverWithItem(failure -> new PlatformHealth.Component(backend.name(), "DOWN",
                        elapsedMs(start), "unreachable: " + failure.getClass().getSimpleName()));
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
