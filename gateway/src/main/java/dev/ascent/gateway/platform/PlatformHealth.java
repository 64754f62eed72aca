package dev.ascent.gateway.platform;

import java.util.List;

/**
 * The readiness of the whole platform as the gateway sees it.
 *
 * @param status   {@code UP} only when every component is up
 * @param services one entry per component, the gateway first
 */
public record PlatformHealth(String status, List<Component> services) {

    /**
     * @param latencyMs how long the component took to answer its readiness check
     * @param detail    why it is down, when it is
     */
    public record Component(String name, String status, long latencyMs, String detail) {
    }
}
