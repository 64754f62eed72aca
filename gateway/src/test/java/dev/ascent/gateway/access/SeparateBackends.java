package dev.ascent.gateway.access;

import dev.ascent.testsupport.WireMockStubs;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.Map;

/**
 * The three services behind the gateway as one WireMock server that each service reaches under a
 * host name of its own, so a request in the journal says, by its {@code Host} header, which service
 * the gateway sent it to.
 */
public class SeparateBackends extends WireMockStubs {

    /** The host each service is reached at. */
    public static final Map<String, String> HOSTS = Map.of(
            "assessment-service", "localhost",
            "evidence-service", "127.0.0.1",
            "growth-plan-service", "127.0.0.2");

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    @Override
    protected Map<String, String> pointAt(String url) {
        int port = URI.create(url).getPort();
        java.util.HashMap<String, String> config = new java.util.HashMap<>();
        HOSTS.forEach((service, host) -> {
            config.put("ascent.gateway.services." + service + ".url", "http://" + host + ":" + port);
            config.put("ascent.gateway.services." + service + ".management-url", "http://" + host + ":" + port);
        });
        return config;
    }

    @Override
    protected Class<? extends Annotation> injectAnnotation() {
        return Inject.class;
    }
}
