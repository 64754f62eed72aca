package dev.ascent.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Stands in for the services a service under test calls: one WireMock server on a dynamic port,
 * which a subclass points the service's clients at ({@link #pointAt}) and tests stub with the shapes
 * of docs/service-contracts.md. The server is injected into test fields carrying the subclass's
 * annotation ({@link #injectAnnotation}). People a test knows by id are found by their email
 * ({@link TestPeopleDirectory}).
 */
public abstract class WireMockStubs implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    /** The configuration that sends the service's calls to {@code url}. */
    protected abstract Map<String, String> pointAt(String url);

    /** The annotation marking test fields that receive the server. */
    protected abstract Class<? extends Annotation> injectAnnotation();

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new TestPeopleDirectory()));
        server.start();
        contracts().forEach(contract -> Contracts.serve(server, contract));
        return pointAt(server.baseUrl());
    }

    /**
     * The recorded calls ({@link Contracts}) the stubbed services answer before a test stubs anything
     * itself, such as the published framework every service reads. A test that resets the server
     * serves them again with {@link Contracts#serve}.
     */
    protected List<String> contracts() {
        return List.of();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(injectAnnotation(), WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A port nothing listens on, for a service that is down. */
    protected static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
