package dev.ascent.growthplan.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Stands in for assessment-service and evidence-service: one WireMock server on a dynamic port
 * that both REST clients point at (their paths do not overlap). Tests stub the exact shapes of
 * docs/service-contracts.md; inject the server with {@link Inject}.
 */
public class RemoteServices implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        String url = "http://localhost:" + server.port();
        return Map.of(
                "quarkus.rest-client.assessment-service.url", url,
                "quarkus.rest-client.evidence-service.url", url,
                "quarkus.rest-client.assessment-service.read-timeout", "1000",
                "quarkus.rest-client.evidence-service.read-timeout", "1000");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Inject.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
