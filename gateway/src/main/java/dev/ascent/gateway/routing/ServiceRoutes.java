package dev.ascent.gateway.routing;

import dev.ascent.gateway.GatewayConfig;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where the services behind the public API are, read once from configuration; which answers what is the {@link RouteTable}. */
@Singleton
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

    private final List<Backend> backends;
    /** The same by name: looked up on every forwarded call. */
    private final java.util.Map<String, Backend> byName;

    public ServiceRoutes(GatewayConfig config) {
        backends = config.services().entrySet().stream()
                .map(e -> new Backend(e.getKey(), e.getValue().url(), e.getValue().timeout(),
                        e.getValue().managementUrl().orElse(e.getValue().url())))
                .sorted(java.util.Comparator.comparing(Backend::name))
                .toList();
        byName = backends.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Backend::name, b -> b));
        // Every service the route table sends calls to must be configured, or the gateway does not start.
        for (RouteTable.Route route : RouteTable.PUBLIC_API.routes()) {
            if (!route.service().equals(RouteTable.GATEWAY) && named(route.service()).isEmpty()) {
                throw new IllegalStateException(route.operation() + " is answered by " + route.service()
                        + ", which has no ascent.gateway.services." + route.service() + ".url");
            }
        }
    }

    public Optional<Backend> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Backend> all() {
        return backends;
    }
}
