package dev.ascent.growthplan.support;

import dev.ascent.testsupport.WireMockStubs;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

/**
 * Stands in for assessment-service and evidence-service: one WireMock server on a dynamic port
 * that both REST clients point at (their paths do not overlap). Tests stub the exact shapes of
 * docs/service-contracts.md; inject the server with {@link Inject}.
 */
public class RemoteServices extends WireMockStubs {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    @Override
    protected Map<String, String> pointAt(String url) {
        return Map.of(
                "quarkus.rest-client.assessment-service.url", url,
                "quarkus.rest-client.evidence-service.url", url,
                "quarkus.rest-client.assessment-service.read-timeout", "1000",
                "quarkus.rest-client.evidence-service.read-timeout", "1000",
                // tests publish frameworks of their own and expect the next call to see them
                "ascent.kit.framework.refresh-on-unknown-after", "0s");
    }

    @Override
    protected List<String> contracts() {
        return List.of("framework-vocabulary", "evidence-kinds");
    }

    @Override
    protected Class<? extends Annotation> injectAnnotation() {
        return Inject.class;
    }
}
