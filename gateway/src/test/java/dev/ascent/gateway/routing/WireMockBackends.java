package dev.ascent.gateway.routing;

import dev.ascent.testsupport.WireMockStubs;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Stands in for the services behind the gateway: assessment-service and growth-plan-service (their
 * APIs and management interfaces) are one WireMock server on a dynamic port; evidence-service
 * points at a port nothing listens on.
 */
public class WireMockBackends extends WireMockStubs {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    @Override
    protected Map<String, String> pointAt(String url) {
        String down = "http://localhost:" + closedPort();
        return Map.of(
                "ascent.gateway.services.assessment-service.url", url,
                "ascent.gateway.services.assessment-service.management-url", url,
                "ascent.gateway.services.growth-plan-service.url", url,
                "ascent.gateway.services.growth-plan-service.management-url", url,
                "ascent.gateway.services.growth-plan-service.timeout", "500ms",
                "ascent.gateway.services.evidence-service.url", down,
                "ascent.gateway.services.evidence-service.management-url", down);
    }

    @Override
    protected Class<? extends Annotation> injectAnnotation() {
        return Inject.class;
    }
}
