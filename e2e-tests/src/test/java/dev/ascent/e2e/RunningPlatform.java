package dev.ascent.e2e;

import dev.ascent.localpostgres.PostgresServer;
import dev.ascent.testsupport.TestPostgres;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The four packaged services, started as separate processes (java -jar, production profile) on free
 * ports against a fresh database on a real PostgreSQL, with a signing key made for this run that the
 * gateway trusts. Stopped, and the database dropped, at the end.
 */
final class RunningPlatform implements AutoCloseable {

    static final String ISSUER = "ascent-e2e";
    private static final List<String> SERVICES = List.of("assessment-service", "evidence-service",
            "growth-plan-service", "gateway");

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    /** Each service's management interface (health, metrics), a port of its own. */
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final KeyPair keys;
    private final String database;
    private final Path logs;

    private RunningPlatform(KeyPair keys, String database, Path logs) {
        this.keys = keys;
        this.database = database;
        this.logs = logs;
    }

    static RunningPlatform start() throws Exception {
        return start(Map.of());
    }

    /** As {@link #start()}, with settings of a test's own (an OIDC provider, say) in every service's environment. */
    static RunningPlatform start(Map<String, String> settings) throws Exception {
        try {
            return startOnce(settings);
        } catch (PortTaken e) {
            // A port found free was bound by something else before the service bound it: choose again, once.
            return startOnce(settings);
        }
    }

    private static RunningPlatform startOnce(Map<String, String> settings) throws Exception {
        Path root = Path.of(System.getProperty("ascent.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(logs);
        PostgresServer server = TestPostgres.server();
        String database = TestPostgres.createFreshDatabase("ascent_e2e");
        RunningPlatform platform = new RunningPlatform(rsa(), database, logs);
        try {
            Path publicKey = logs.resolve("e2e-public.pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(platform.keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            List<Integer> free = freePorts(SERVICES.size() * 2);
            for (int i = 0; i < SERVICES.size(); i++) {
                platform.ports.put(SERVICES.get(i), free.get(2 * i));
                platform.managementPorts.put(SERVICES.get(i), free.get(2 * i + 1));
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("ASCENT_DB_URL", server.jdbcUrl(database));
            env.put("ASCENT_DB_ADMIN_USER", server.adminUser());
            env.put("ASCENT_DB_ADMIN_PASSWORD", server.adminPassword());
            env.put("ASCENT_GATEWAY_PORT", String.valueOf(platform.ports.get("gateway")));
            env.put("ASCENT_ASSESSMENT_PORT", String.valueOf(platform.ports.get("assessment-service")));
            env.put("ASCENT_EVIDENCE_PORT", String.valueOf(platform.ports.get("evidence-service")));
            env.put("ASCENT_GROWTH_PLAN_PORT", String.valueOf(platform.ports.get("growth-plan-service")));
            env.put("ASCENT_GATEWAY_MANAGEMENT_PORT", String.valueOf(platform.managementPorts.get("gateway")));
            env.put("ASCENT_ASSESSMENT_MANAGEMENT_PORT", String.valueOf(platform.managementPorts.get("assessment-service")));
            env.put("ASCENT_EVIDENCE_MANAGEMENT_PORT", String.valueOf(platform.managementPorts.get("evidence-service")));
            env.put("ASCENT_GROWTH_PLAN_MANAGEMENT_PORT", String.valueOf(platform.managementPorts.get("growth-plan-service")));
            env.put("ASCENT_JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
            env.put("ASCENT_JWT_ISSUER", ISSUER);
            // The gateway's own key, whose tokens are the only ones the services accept.
            KeyPair internal = ec();
            Path internalPrivate = logs.resolve("e2e-internal-private.pem");
            Path internalPublic = logs.resolve("e2e-internal-public.pem");
            Files.writeString(internalPrivate, pem("PRIVATE KEY", internal.getPrivate().getEncoded()));
            Files.writeString(internalPublic, pem("PUBLIC KEY", internal.getPublic().getEncoded()));
            env.put("ASCENT_INTERNAL_PRIVATE_KEY_LOCATION", internalPrivate.toUri().toString());
            env.put("ASCENT_INTERNAL_PUBLIC_KEY_LOCATION", internalPublic.toUri().toString());
            env.put("ASCENT_RATE_LIMIT_PER_SECOND", "1000");
            env.put("ASCENT_RATE_LIMIT_BURST", "2000");
            env.putAll(settings);
            String java = ProcessHandle.current().info().command().orElse("java");
            for (String service : SERVICES) {
                Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
                if (!Files.exists(jar)) {
                    throw new IllegalStateException(jar + " is missing: package the services first (mvn verify does)");
                }
                ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(logs.resolve(service + ".log").toFile());
                builder.environment().putAll(env);
                platform.processes.add(builder.start());
            }
            platform.awaitReady(Duration.ofSeconds(120));
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    String gatewayUrl() {
        return "http://localhost:" + ports.get("gateway");
    }

    int port(String service) {
        return ports.get(service);
    }

    int managementPort(String service) {
        return managementPorts.get(service);
    }

    /** A bearer header signed with this run's key. */
    String bearer(String subject, String email, String... roles) {
        var claims = Jwt.issuer(ISSUER).subject(subject).groups(Set.of(roles)).expiresIn(600);
        if (email != null) {
            claims.claim("email", email);
        }
        return "Bearer " + claims.sign(keys.getPrivate());
    }

    /** An integration's bearer header for its own source. */
    String integrationBearer(String email, String source) {
        return "Bearer " + Jwt.issuer(ISSUER).subject(email).claim("email", email).claim("source", source)
                .groups(Set.of("integration")).expiresIn(600).sign(keys.getPrivate());
    }

    /**
     * A bearer header for a person the platform knows, as a provider issues one: a subject of the provider's
     * own and the person's email, by which the gateway finds them (it never takes a subject for a person id).
     * The email is read through the gateway as an admin.
     */
    String bearer(UUID person, String... roles) {
        String admin = bearer("e2e-directory-reader", "e2e-directory-reader@e2e.example", "admin");
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            var answer = client.send(java.net.http.HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/v1/people/" + person))
                    .header("Authorization", admin).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no person " + person + ": " + answer.statusCode() + " " + answer.body());
            }
            String email = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("email").asText();
            return bearer("idp|" + person, email, roles);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        for (Map.Entry<String, Integer> service : managementPorts.entrySet()) {
            while (!ready(service.getValue())) {
                Process process = processes.get(List.copyOf(ports.keySet()).indexOf(service.getKey()));
                if (!process.isAlive()) {
                    Path log = logs.resolve(service.getKey() + ".log");
                    String tail = tail(log, 40);
                    String message = service.getKey() + " exited; see " + log + "; its last lines:\n" + tail;
                    // Netty says "Address already in use"; Quarkus, on its own check, "Port N seems to be in use".
                    throw tail.contains(" in use") ? new PortTaken(message) : new IllegalStateException(message);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service.getKey() + " not ready in " + timeout);
                }
                Thread.sleep(200);
            }
        }
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + port + "/q/health/ready").toURL()
                    .openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        TestPostgres.dropDatabase(database);
    }

    /** Distinct free ports: every socket is held until all are chosen, so no port is handed out twice. */
    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** A service could not bind a port chosen for it. */
    private static final class PortTaken extends IllegalStateException {
        PortTaken(String message) {
            super(message);
        }
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

}
