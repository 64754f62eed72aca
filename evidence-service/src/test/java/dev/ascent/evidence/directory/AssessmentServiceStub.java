package dev.ascent.evidence.directory;

import dev.ascent.testsupport.WireMockStubs;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

/** Stands in for assessment-service's people directory on a dynamic port (docs/service-contracts.md). */
public class AssessmentServiceStub extends WireMockStubs {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    @Override
    protected Map<String, String> pointAt(String url) {
        return Map.of("quarkus.rest-client.assessment-service.url", url,
                // tests publish frameworks of their own and expect the next call to see them
                "ascent.kit.framework.refresh-on-unknown-after", "0s",
                // One test takes the directory down on purpose; the breaker must not leak that into others.
                "dev.ascent.evidence.directory.DirectoryLookup/byEmail/CircuitBreaker/enabled", "false");
    }

    @Override
    protected List<String> contracts() {
        return List.of("framework-vocabulary");
    }

    @Override
    protected Class<? extends Annotation> injectAnnotation() {
        return Inject.class;
    }
}
