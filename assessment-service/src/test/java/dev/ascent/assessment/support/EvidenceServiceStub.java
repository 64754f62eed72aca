package dev.ascent.assessment.support;

import dev.ascent.testsupport.WireMockStubs;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Stands in for evidence-service on a dynamic port, speaking the contract of docs/service-contracts.md,
 * and for growth-plan-service's plan endpoints (a promotion begins the next plan).
 */
public class EvidenceServiceStub extends WireMockStubs {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    @Override
    protected Map<String, String> pointAt(String url) {
        return Map.of("quarkus.rest-client.evidence-service.url", url,
                // growth-plan-service, where a promotion begins the next plan, answers on the same server
                "quarkus.rest-client.growth-plan-service.url", url,
                // One test takes evidence-service down on purpose; the breaker must not leak that into others.
                "dev.ascent.assessment.readiness.EvidenceStrengths/of/CircuitBreaker/enabled", "false");
    }

    @Override
    protected Class<? extends Annotation> injectAnnotation() {
        return Inject.class;
    }
}
