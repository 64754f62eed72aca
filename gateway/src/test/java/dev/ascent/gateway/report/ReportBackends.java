package dev.ascent.gateway.report;

import dev.ascent.testsupport.WireMockStubs;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** All three services behind the gateway (their APIs and management interfaces) as one WireMock server. */
public class ReportBackends extends WireMockStubs {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    @Override
    protected Map<String, String> pointAt(String url) {
        return Map.of("ascent.gateway.services.assessment-service.url", url,
                "ascent.gateway.services.evidence-service.url", url,
                "ascent.gateway.services.growth-plan-service.url", url,
                "ascent.gateway.services.assessment-service.management-url", url,
                "ascent.gateway.services.evidence-service.management-url", url,
                "ascent.gateway.services.growth-plan-service.management-url", url);
    }

    @Override
    protected Class<? extends Annotation> injectAnnotation() {
        return Inject.class;
    }
}
