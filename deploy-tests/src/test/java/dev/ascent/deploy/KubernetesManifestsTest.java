package dev.ascent.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

/**
 * Renders deploy/kubernetes with {@code kubectl kustomize} (never against a cluster) and reads every
 * object with the fabric8 Kubernetes model, strictly: a field the model does not know is an error, not
 * an extra property. Then checks what a deployment needs: probes on the management port, resources,
 * configuration from the ConfigMap and the documented Secrets, a Service per Deployment, only the gateway
 * reachable from outside, PostgreSQL as an external Service.
 */
class KubernetesManifestsTest {

    /** The four services: their API port and their management port (health, metrics). */
    record App(String name, int httpPort, int managementPort, String envName) {
        boolean isGateway() {
            return name.equals("gateway");
        }
    }

    static final List<App> APPS = List.of(
            new App("gateway", 8080, 9080, "GATEWAY"),
            new App("assessment-service", 8081, 9081, "ASSESSMENT"),
            new App("evidence-service", 8082, 9082, "EVIDENCE"),
            new App("growth-plan-service", 8083, 9083, "GROWTH_PLAN"));

    static final Path ROOT = Path.of(System.getProperty("ascent.root", "..")).toAbsolutePath().normalize();
    static final Path KUSTOMIZATION = ROOT.resolve("deploy/kubernetes");
    static final String VERSION = System.getProperty("ascent.version", "0.1.0-SNAPSHOT");

    /** kind → model class; a kind not listed here is not expected in the platform's manifests. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/Endpoints", Endpoints.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "discovery.k8s.io/v1/EndpointSlice", EndpointSlice.class);

    /**
     * The fabric8 classes keep unknown fields in an "additionalProperties" map (a Jackson any-setter);
     * without it, FAIL_ON_UNKNOWN_PROPERTIES rejects a misspelt or misplaced field.
     */
    static final ObjectMapper STRICT = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .addModule(new SimpleModule("strict-kubernetes-model").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                        BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    return builder;
                }
            }))
            .build();

    static List<HasMetadata> rendered;
    static Map<String, Secret> documentedSecrets;

    @BeforeAll
    static void render() throws Exception {
        List<String> missing = APPS.stream().map(app -> "generated/" + app.name() + "/kubernetes.yml")
                .filter(file -> !Files.isRegularFile(KUSTOMIZATION.resolve(file))).toList();
        if (!missing.isEmpty()) {
            fail("deploy/kubernetes lacks %s: build the services first (mvn -B -DskipTests package at the root; "
                    + "quarkus-kubernetes writes target/kubernetes and the deploy-tests module copies it)", missing);
        }
        rendered = parse(kustomize(KUSTOMIZATION), "kubectl kustomize deploy/kubernetes");
        documentedSecrets = parse(Files.readString(KUSTOMIZATION.resolve("secrets.example.yaml")), "secrets.example.yaml")
                .stream().map(object -> (Secret) object)
                .collect(Collectors.toMap(secret -> secret.getMetadata().getName(), secret -> secret));
    }

    static String kustomize(Path directory) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("kustomize", ".err");
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                    .redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render deploy/kubernetes and was not found on the PATH ("
                    + e.getMessage() + "). Install it: on Debian `apt-get install kubernetes-client` (.ci/run does), "
                    + "or any kubectl from https://kubernetes.io/docs/tasks/tools/. No cluster is needed.", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("kubectl kustomize %s did not finish within 2 minutes", directory);
        }
        String stderr = Files.readString(errors);
        Files.deleteIfExists(errors);
        if (process.exitValue() != 0) {
            fail("kubectl kustomize %s failed (exit %d):%n%s", directory, process.exitValue(), stderr);
        }
        return output;
    }

    static List<HasMetadata> parse(String yaml, String source) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = STRICT.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(kind);
                assertThat(type).as("%s: an object of unexpected kind %s (%s)", source, kind,
                        document.path("metadata").path("name").asText()).isNotNull();
                try {
                    objects.add(STRICT.treeToValue(document, type));
                } catch (JsonProcessingException e) {
                    throw new AssertionError(source + ": " + kind + " " + document.path("metadata").path("name").asText()
                            + " is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
                }
            }
        }
        return objects;
    }

    static <T extends HasMetadata> List<T> all(Class<T> type) {
        return rendered.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    static Deployment deployment(App app) {
        return named(Deployment.class, app.name())
                .orElseThrow(() -> new AssertionError("no Deployment " + app.name()));
    }

    static Container container(App app) {
        List<Container> containers = deployment(app).getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as("%s: containers", app.name()).hasSize(1);
        return containers.get(0);
    }

    /** A probe's or Service's port, by number or by the container port's name. */
    static int resolve(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + port.getStrVal()));
    }

    static ConfigMap platformConfig() {
        List<ConfigMap> configMaps = all(ConfigMap.class);
        assertThat(configMaps).as("ConfigMaps").hasSize(1);
        return configMaps.get(0);
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void rendersTheFourServicesAndWhatTheyNeed() {
        Map<String, Long> kinds = rendered.stream()
                .collect(Collectors.groupingBy(HasMetadata::getKind, TreeMap::new, Collectors.counting()));
        assertThat(all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(APPS.stream().map(App::name).toList());
        assertThat(named(Service.class, "postgres")).as("the PostgreSQL Service").isPresent();
        assertThat(all(Ingress.class)).as("Ingresses").hasSize(1);
        assertThat(platformConfig().getMetadata().getName()).startsWith("ascent-config");
        // Secrets are the operator's: `kubectl apply -k` must neither create placeholders nor overwrite them.
        assertThat(all(Secret.class)).as("Secrets rendered by the kustomization (kinds: %s)", kinds).isEmpty();
        Set<String> names = new HashSet<>();
        for (HasMetadata object : rendered) {
            assertThat(names.add(object.getKind() + "/" + object.getMetadata().getName()))
                    .as("%s %s rendered twice", object.getKind(), object.getMetadata().getName()).isTrue();
            assertThat(object.getMetadata().getNamespace())
                    .as("%s %s: namespace is chosen at apply time", object.getKind(), object.getMetadata().getName()).isNull();
        }
    }

    @Test
    void strictReadingRejectsFieldsTheModelDoesNotKnow() {
        String misspelt = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 2
                """;
        assertThatThrownBy(() -> STRICT.readValue(misspelt, Deployment.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("replica");
        String misplaced = """
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec:
                  ports: [{port: 80, readinessProbe: {}}]
                """;
        assertThatThrownBy(() -> STRICT.readValue(misplaced, Service.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("readinessProbe");
    }

    @Test
    void everyDeploymentRunsItsImageAndProbesItsManagementPort() {
        for (App app : APPS) {
            Container container = container(app);
            assertThat(container.getName()).isEqualTo(app.name());
            assertThat(container.getImage()).as("%s: image", app.name()).isEqualTo("ascent/" + app.name() + ":" + VERSION);

            Map<String, Integer> ports = container.getPorts().stream()
                    .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
            assertThat(ports).as("%s: container ports", app.name()).containsEntry("http", app.httpPort());
            // Declared by quarkus-kubernetes once quarkus.management.enabled is set; metrics move there too.
            if (ports.containsKey("management")) {
                assertThat(ports).as("%s: container ports", app.name()).containsEntry("management", app.managementPort());
                assertThat(deployment(app).getSpec().getTemplate().getMetadata().getAnnotations())
                        .as("%s: where Prometheus scrapes /q/metrics", app.name())
                        .containsEntry("prometheus.io/port", String.valueOf(app.managementPort()));
            }

            assertHttpProbe(app, container, "liveness", container.getLivenessProbe(), "/q/health/live");
            assertHttpProbe(app, container, "readiness", container.getReadinessProbe(), "/q/health/ready");
            if (container.getStartupProbe() != null) {
                assertHttpProbe(app, container, "startup", container.getStartupProbe(), "/q/health/started");
            }
        }
    }

    static void assertHttpProbe(App app, Container container, String which, Probe probe, String path) {
        assertThat(probe).as("%s: %s probe", app.name(), which).isNotNull();
        assertThat(probe.getHttpGet()).as("%s: %s probe is an HTTP GET", app.name(), which).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as("%s: %s probe path", app.name(), which).isEqualTo(path);
        assertThat(resolve(probe.getHttpGet().getPort(), container))
                .as("%s: %s probe port (the management interface, not the API port %d)", app.name(), which, app.httpPort())
                .isEqualTo(app.managementPort());
    }

    @Test
    void everyDeploymentRequestsAndLimitsCpuAndMemory() {
        for (App app : APPS) {
            var resources = container(app).getResources();
            assertThat(resources).as("%s: resources", app.name()).isNotNull();
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = Optional.ofNullable(resources.getRequests()).map(r -> r.get(resource)).orElse(null);
                Quantity limit = Optional.ofNullable(resources.getLimits()).map(r -> r.get(resource)).orElse(null);
                assertThat(request).as("%s: %s request", app.name(), resource).isNotNull();
                assertThat(limit).as("%s: %s limit", app.name(), resource).isNotNull();
                BigDecimal requested = Quantity.getAmountInBytes(request);
                assertThat(requested).as("%s: %s request", app.name(), resource).isPositive();
                assertThat(requested).as("%s: %s request %s within the limit %s", app.name(), resource, request, limit)
                        .isLessThanOrEqualTo(Quantity.getAmountInBytes(limit));
            }
        }
    }

    @Test
    void configurationComesFromThePlatformConfigMap() {
        ConfigMap config = platformConfig();
        Map<String, String> data = config.getData();
        for (App app : APPS) {
            List<EnvFromSource> envFrom = Objects.requireNonNullElse(container(app).getEnvFrom(), List.of());
            assertThat(envFrom).as("%s: envFrom", app.name())
                    .anySatisfy(source -> assertThat(source.getConfigMapRef()).isNotNull()
                            .satisfies(ref -> assertThat(ref.getName()).isEqualTo(config.getMetadata().getName())));
            for (EnvFromSource source : envFrom) {
                if (source.getConfigMapRef() != null) {
                    assertThat(named(ConfigMap.class, source.getConfigMapRef().getName()))
                            .as("%s: ConfigMap %s", app.name(), source.getConfigMapRef().getName()).isPresent();
                }
            }
        }
        assertThat(data).as("ascent-config")
                .containsEntry("ASCENT_MANAGEMENT_HOST", "0.0.0.0")
                .containsKeys("ASCENT_DB_URL", "ASCENT_DB_ADMIN_USER", "ASCENT_INTERNAL_PUBLIC_KEY_LOCATION",
                        "ASCENT_INTERNAL_PRIVATE_KEY_LOCATION", "ASCENT_JWT_PUBLIC_KEY_LOCATION", "ASCENT_JWT_ISSUER");
        assertThat(data.keySet()).as("ascent-config holds no secrets")
                .noneMatch(key -> key.contains("PASSWORD") || key.endsWith("SECRET_KEY"));
    }

    @Test
    void secretsComeFromTheDocumentedSecretsEachServiceOnlyItsOwn() {
        for (App app : APPS) {
            PodSpec pod = deployment(app).getSpec().getTemplate().getSpec();
            Container container = container(app);
            Map<String, EnvVar> env = Objects.requireNonNullElse(container.getEnv(), List.<EnvVar> of()).stream()
                    .collect(Collectors.toMap(EnvVar::getName, e -> e));

            for (EnvVar variable : env.values()) {
                boolean secretish = variable.getName().contains("PASSWORD") || variable.getName().endsWith("SECRET_KEY");
                if (secretish) {
                    assertThat(variable.getValue()).as("%s: %s must come from a Secret, not a literal", app.name(),
                            variable.getName()).isNull();
                }
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    var ref = variable.getValueFrom().getSecretKeyRef();
                    assertDocumented(app, ref.getName(), ref.getKey());
                }
            }
            for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource> of())) {
                if (source.getSecretRef() != null) {
                    assertDocumented(app, source.getSecretRef().getName(), null);
                }
            }
            for (String own : List.of("ASCENT_DB_ADMIN_PASSWORD", "ASCENT_" + app.envName() + "_DB_PASSWORD")) {
                assertThat(env).as("%s: %s", app.name(), own).containsKey(own);
                assertThat(env.get(own).getValueFrom()).as("%s: %s from a Secret", app.name(), own).isNotNull();
                assertThat(env.get(own).getValueFrom().getSecretKeyRef()).as("%s: %s from a Secret", app.name(), own)
                        .isNotNull().satisfies(ref -> assertThat(ref.getName()).isEqualTo("ascent-db"));
            }
            assertThat(env.keySet()).as("%s: other services' database passwords", app.name())
                    .noneMatch(name -> name.endsWith("_DB_PASSWORD") && !name.equals("ASCENT_" + app.envName() + "_DB_PASSWORD"));

            // The internal key pair, mounted as files: the gateway signs, the services verify.
            Map<String, Volume> volumes = Objects.requireNonNullElse(pod.getVolumes(), List.<Volume> of()).stream()
                    .collect(Collectors.toMap(Volume::getName, v -> v));
            List<VolumeMount> mounts = Objects.requireNonNullElse(container.getVolumeMounts(), List.of());
            for (VolumeMount mount : mounts) {
                assertThat(volumes).as("%s: volume of mount %s", app.name(), mount.getMountPath()).containsKey(mount.getName());
            }
            Set<String> mountedKeys = new HashSet<>();
            for (Volume volume : volumes.values()) {
                if (volume.getSecret() == null) {
                    continue;
                }
                List<KeyToPath> items = Objects.requireNonNullElse(volume.getSecret().getItems(), List.of());
                if (items.isEmpty()) {
                    assertDocumented(app, volume.getSecret().getSecretName(), null);
                    mountedKeys.addAll(documentedSecrets.get(volume.getSecret().getSecretName()).getStringData().keySet());
                }
                for (KeyToPath item : items) {
                    assertDocumented(app, volume.getSecret().getSecretName(), item.getKey());
                    mountedKeys.add(item.getKey());
                }
                VolumeMount mount = mounts.stream().filter(m -> m.getName().equals(volume.getName())).findFirst()
                        .orElseThrow(() -> new AssertionError(app.name() + ": secret volume " + volume.getName() + " is not mounted"));
                assertThat(mount.getMountPath()).as("%s: where the keys are", app.name()).isEqualTo("/keys");
                assertThat(mount.getReadOnly()).as("%s: keys mounted read-only", app.name()).isTrue();
            }
            if (app.isGateway()) {
                assertThat(mountedKeys).as("gateway: keys mounted").contains("internal-private.pem");
            } else {
                assertThat(mountedKeys).as("%s: keys mounted", app.name()).contains("internal-public.pem")
                        .doesNotContain("internal-private.pem");
            }
        }
        App evidence = APPS.stream().filter(app -> app.name().equals("evidence-service")).findFirst().orElseThrow();
        assertThat(env(evidence)).as("evidence-service: its encryption key").containsKey("ASCENT_EVIDENCE_SECRET_KEY");
        String location = platformConfig().getData().get("ASCENT_INTERNAL_PUBLIC_KEY_LOCATION");
        assertThat(location).isEqualTo("file:/keys/internal-public.pem");
        assertThat(platformConfig().getData().get("ASCENT_INTERNAL_PRIVATE_KEY_LOCATION")).isEqualTo("file:/keys/internal-private.pem");
    }

    static Map<String, EnvVar> env(App app) {
        return container(app).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    static void assertDocumented(App app, String secret, String key) {
        assertThat(documentedSecrets).as("%s refers to Secret %s, which secrets.example.yaml does not document", app.name(), secret)
                .containsKey(secret);
        if (key != null) {
            assertThat(documentedSecrets.get(secret).getStringData())
                    .as("%s refers to key %s of Secret %s, which secrets.example.yaml does not document", app.name(), key, secret)
                    .containsKey(key);
        }
    }

    @Test
    void everyDeploymentHasAServiceForItsApiPortOnly() {
        for (App app : APPS) {
            Deployment deployment = deployment(app);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).as("%s: pod labels", app.name())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

            Service service = named(Service.class, app.name())
                    .orElseThrow(() -> new AssertionError("no Service " + app.name()));
            assertThat(service.getSpec().getSelector()).as("%s: Service selector", app.name()).isNotEmpty();
            assertThat(podLabels).as("%s: the Service selects the Deployment's pods", app.name())
                    .containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(Optional.ofNullable(service.getSpec().getType()).orElse("ClusterIP"))
                    .as("%s: Service type (the Ingress is the way in)", app.name()).isEqualTo("ClusterIP");
            assertThat(service.getSpec().getPorts()).as("%s: Service ports", app.name()).isNotEmpty();
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = Optional.ofNullable(port.getTargetPort()).orElse(new IntOrString(port.getPort()));
                assertThat(resolve(target, container(app)))
                        .as("%s: Service port %s targets the API port, never the management port", app.name(), port.getName())
                        .isEqualTo(app.httpPort());
            }
        }
        // The backends' management ports have their own in-cluster Services (the gateway's platform health).
        for (App app : APPS.subList(1, APPS.size())) {
            Service management = named(Service.class, app.name() + "-management")
                    .orElseThrow(() -> new AssertionError("no Service " + app.name() + "-management"));
            assertThat(management.getSpec().getType()).isEqualTo("ClusterIP");
            assertThat(deployment(app).getSpec().getTemplate().getMetadata().getLabels())
                    .as("%s-management selects the service's pods", app.name())
                    .containsAllEntriesOf(management.getSpec().getSelector());
            assertThat(management.getSpec().getPorts()).singleElement().satisfies(port -> assertThat(
                    resolve(Optional.ofNullable(port.getTargetPort()).orElse(new IntOrString(port.getPort())), container(app)))
                    .as("%s-management targets the management port", app.name()).isEqualTo(app.managementPort()));
        }
    }

    @Test
    void onlyTheGatewayIsReachableFromOutside() {
        for (Service service : all(Service.class)) {
            String type = Optional.ofNullable(service.getSpec().getType()).orElse("ClusterIP");
            if (type.equals("LoadBalancer") || type.equals("NodePort")) {
                assertThat(service.getMetadata().getName()).as("a %s Service", type).isEqualTo("gateway");
            }
        }
        Service gateway = named(Service.class, "gateway").orElseThrow();
        for (Ingress ingress : all(Ingress.class)) {
            List<IngressBackend> backends = new ArrayList<>();
            Optional.ofNullable(ingress.getSpec().getDefaultBackend()).ifPresent(backends::add);
            for (IngressRule rule : Objects.requireNonNullElse(ingress.getSpec().getRules(), List.<IngressRule> of())) {
                rule.getHttp().getPaths().stream().map(HTTPIngressPath::getBackend).forEach(backends::add);
            }
            assertThat(backends).as("Ingress %s backends", ingress.getMetadata().getName()).isNotEmpty();
            for (IngressBackend backend : backends) {
                assertThat(backend.getService()).as("Ingress backend").isNotNull();
                assertThat(backend.getService().getName()).as("Ingress %s routes only to the gateway",
                        ingress.getMetadata().getName()).isEqualTo("gateway");
                var port = backend.getService().getPort();
                assertThat(gateway.getSpec().getPorts()).as("the gateway Service has the Ingress's port")
                        .anyMatch(p -> Objects.equals(p.getName(), port.getName()) && port.getName() != null
                                || Objects.equals(p.getPort(), port.getNumber()));
            }
        }
    }

    @Test
    void theServicesFindEachOtherThroughTheirServices() {
        Map<String, String> data = platformConfig().getData();
        Map<String, App> byUrl = new HashMap<>();
        for (App app : APPS.subList(1, APPS.size())) {
            byUrl.put("ASCENT_" + app.envName() + "_URL", app);
            byUrl.put("ASCENT_" + app.envName() + "_MANAGEMENT_URL", app);
        }
        for (var entry : byUrl.entrySet()) {
            String value = data.get(entry.getKey());
            assertThat(value).as("ascent-config %s", entry.getKey()).isNotBlank();
            URI url = URI.create(value);
            App app = entry.getValue();
            boolean management = entry.getKey().endsWith("_MANAGEMENT_URL");
            Service service = named(Service.class, url.getHost())
                    .orElseThrow(() -> new AssertionError(entry.getKey() + "=" + value + ": no Service " + url.getHost()));
            int port = url.getPort() == -1 ? 80 : url.getPort();
            ServicePort servicePort = service.getSpec().getPorts().stream().filter(p -> p.getPort() == port).findFirst()
                    .orElseThrow(() -> new AssertionError(entry.getKey() + "=" + value + ": Service " + url.getHost()
                            + " has no port " + port));
            assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", app.name());
            IntOrString target = Optional.ofNullable(servicePort.getTargetPort()).orElse(new IntOrString(port));
            assertThat(resolve(target, container(app))).as("%s=%s reaches", entry.getKey(), value)
                    .isEqualTo(management ? app.managementPort() : app.httpPort());
        }
    }

    @Test
    void postgresqlIsTheOperatorsServerBehindAnExternalService() throws IOException {
        URI jdbc = URI.create(platformConfig().getData().get("ASCENT_DB_URL").substring("jdbc:".length()));
        assertThat(jdbc.getScheme()).isEqualTo("postgresql");
        Service postgres = named(Service.class, jdbc.getHost())
                .orElseThrow(() -> new AssertionError("ASCENT_DB_URL names host " + jdbc.getHost() + ", which no Service is"));
        assertExternal(postgres, rendered, jdbc.getPort());

        // The alternative for a server known by IP address renders the same name, strictly valid too.
        List<HasMetadata> byAddress = parse(Files.readString(KUSTOMIZATION.resolve("postgres-endpoints.yaml")),
                "postgres-endpoints.yaml");
        Service alternative = byAddress.stream().filter(Service.class::isInstance).map(Service.class::cast)
                .filter(s -> s.getMetadata().getName().equals(jdbc.getHost())).findFirst()
                .orElseThrow(() -> new AssertionError("postgres-endpoints.yaml has no Service " + jdbc.getHost()));
        assertExternal(alternative, byAddress, jdbc.getPort());
    }

    static void assertExternal(Service postgres, List<HasMetadata> objects, int port) {
        assertThat(postgres.getSpec().getSelector()).as("the PostgreSQL Service selects no pods: the server is outside")
                .isNullOrEmpty();
        if ("ExternalName".equals(postgres.getSpec().getType())) {
            assertThat(postgres.getSpec().getExternalName()).as("externalName").isNotBlank();
            return;
        }
        assertThat(postgres.getSpec().getPorts()).as("PostgreSQL Service ports").anyMatch(p -> p.getPort() == port);
        String name = postgres.getMetadata().getName();
        boolean slice = objects.stream().filter(EndpointSlice.class::isInstance).map(EndpointSlice.class::cast)
                .anyMatch(s -> name.equals(s.getMetadata().getLabels().get("kubernetes.io/service-name"))
                        && !s.getEndpoints().isEmpty() && !s.getEndpoints().get(0).getAddresses().isEmpty()
                        && s.getPorts().stream().anyMatch(p -> p.getPort() == port));
        boolean endpoints = objects.stream().filter(Endpoints.class::isInstance).map(Endpoints.class::cast)
                .anyMatch(e -> name.equals(e.getMetadata().getName()) && !e.getSubsets().isEmpty());
        assertThat(slice || endpoints).as("an EndpointSlice or Endpoints gives Service %s its address", name).isTrue();
    }
}
