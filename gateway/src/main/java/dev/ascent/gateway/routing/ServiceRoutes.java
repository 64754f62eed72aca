package dev.ascent.gateway.routing;

import dev.ascent.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which service answers which part of the public API, read once from configuration. */
@ApplicationScoped
public class ServiceRoutes {

    /**
     * A service the gateway talks to: its API at {@code url}, its health on its management interface
     * at {@code managementUrl}.
     */
    public record Backend(String name, URI url, Duration timeout, URI managementUrl) {
        public Backend(String name, URI url, Duration timeout) {
            this(name, url, timeout, url);
        }

        public String host() {
            return url.getHost();
        }

        public int port() {
            return url.getPort() == -1 ? ("https".equals(url.getScheme()) ? 443 : 80) : url.getPort();
        }

        public boolean tls() {
            return "https".equals(url.getScheme());
        }
    }

    private final Map<String, Backend> bySegment = new HashMap<>();
    private final List<Backend> backends;

    public ServiceRoutes(GatewayConfig config) {
        backends = config.services().entrySet().stream()
                .map(e -> new Backend(e.getKey(), e.getValue().url(), e.getValue().timeout(),
                        e.getValue().managementUrl().orElse(e.getValue().url())))
                .sorted(java.util.Comparator.comparing(Backend::name))
                .toList();
        for (var entry : config.services().entrySet()) {
            Backend backend = backends.stream().filter(b -> b.name().equals(entry.getKey())).findFirst().orElseThrow();
            for (String segment : entry.getValue().routes()) {
                Backend previous = bySegment.put(segment, backend);
                if (previous != null) {
                    throw new IllegalStateException("route /api/v1/" + segment + " is claimed by both "
                            + previous.name() + " and " + backend.name());
                }
            }
        }
    }

    /** The service that answers {@code /api/v1/{segment}/...}, if any. */
    public Optional<Backend> forSegment(String segment) {
        return Optional.ofNullable(bySegment.get(segment));
    }

    public Optional<Backend> named(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public Collection<Backend> all() {
        return backends;
    }
}
