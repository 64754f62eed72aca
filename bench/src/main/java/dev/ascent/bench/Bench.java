package dev.ascent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Measures the platform against the performance budgets (docs/architecture.md §8), on loopback only, bounded in requests
 * and time. Run by {@code ./ascent bench [--quick|--smoke] [--fresh] [--only=...]}, which starts the
 * platform with rate limits out of the way and passes the addresses and keys in the environment. Prints a Markdown table and
 * writes it to {@code bench/target/results.md}.
 */
public final class Bench {

    private final Http http = new Http();
    private final boolean quick;
    /** The smallest run, for CI: proves every measure works end to end; its figures are not the budgets'. */
    private final boolean smoke;
    private final boolean fresh;
    /** Measures to run ({@code --only=reports,ingestion}); all when empty. */
    private final List<String> only;
    private final String gateway = env("ASCENT_BENCH_GATEWAY");
    private final String assessment = env("ASCENT_BENCH_ASSESSMENT");
    private final String evidence = env("ASCENT_BENCH_EVIDENCE");
    private final String growthPlan = env("ASCENT_BENCH_GROWTH_PLAN");
    /** Everyone generated: id, email, manager, the size of the team they belong to. */
    private final List<String[]> members = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final String[] COMPETENCIES = {"execution-delivery", "customer-discovery", "business-acumen",
            "platform-mastery", "agency-ownership", "customer-facing", "cross-team-relationships", "influence",
            "strategic-communication", "clarity-amid-chaos"};
    private static final String[] LABELS = {"discovery", "unowned", "customer", "strategy", "", "", ""};
    private final String admin = "Bearer " + env("ASCENT_BENCH_ADMIN_TOKEN");
    private final PrivateKey internalKey;
    /** The development identity provider's key, read when a measure first needs a person's own token. */
    private volatile PrivateKey devKey;
    private static final long SEED = 20261124L;
    private final Random random = new Random(SEED);
    private final List<String> results = new ArrayList<>();

    private Bench(boolean quick, boolean smoke, boolean fresh, List<String> only) throws Exception {
        this.quick = quick || smoke;
        this.smoke = smoke;
        this.fresh = fresh;
        this.only = only;
        String pem = Files.readString(Path.of(env("ASCENT_BENCH_INTERNAL_KEY")));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        this.internalKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    public static void main(String[] args) throws Exception {
        List<String> only = List.of(args).stream().filter(a -> a.startsWith("--only="))
                .flatMap(a -> java.util.Arrays.stream(a.substring("--only=".length()).split(","))).toList();
        new Bench(List.of(args).contains("--quick"), List.of(args).contains("--smoke"), List.of(args).contains("--fresh"),
                only).run();
    }

    private void run() throws Exception {
        say(machine()
                + (smoke ? " (smoke run: tiny sizes, figures are not comparable)" : quick ? " (quick run: smaller sizes)" : ""));
        results.add("| measure | figure | budget |");
        results.add("|---|---|---|");
        // Only the measures that read the generated organisation wait for it (minutes when it is new).
        Map<Integer, String> teams = Map.of();
        String largestUpTo1000 = null;
        if (wanted("overhead") || wanted("reports") || wanted("ingestion") || wanted("webhooks") || wanted("web")) {
            teams = organisation(smoke ? new int[] {10, 100}
                    : quick ? new int[] {10, 100, 1000} : new int[] {10, 100, 1000, 10_000});
            largestUpTo1000 = teams.get(teams.containsKey(1000) ? 1000 : 100);
        }
        if (wanted("overhead")) {
            gatewayOverhead(teams.get(10));
        }
        if (wanted("reports")) {
            teamReports(teams);
        }
        if (wanted("ingestion")) {
            ingestion(largestUpTo1000);
        }
        if (wanted("webhooks")) {
            webhooks(teams.get(100));
        }
        if (wanted("overview")) {
            overviewThroughput();
        }
        if (wanted("web")) {
            String member = overviewPeople(1).get(0)[2];
            int size = teams.containsKey(1000) ? 1000 : 100;
            try (WebAppMeasure web = new WebAppMeasure(gateway, smoke ? 3 : quick ? 8 : 15)) {
                results.addAll(web.measure(member));
                results.add(web.heatmap(emailOf(teams.get(size)), size));
            }
        }
        if (wanted("startup")) {
            startupAndMemory();
        }
        String table = String.join("\n", results);
        System.out.println("\n" + table);
        Path out = Path.of(System.getProperty("ascent.root", ".")).resolve("bench/target/results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
        say("results written to " + out);
        // CI's smoke runs measure nothing worth keeping; every other run is kept, labelled, so a regression shows as a diff.
        if (!smoke) {
            Path kept = Path.of(System.getProperty("ascent.root", ".")).resolve("bench/results.md");
            if (!Files.exists(kept)) {
                Files.writeString(kept, RESULTS_HEADER);
            }
            Files.writeString(kept, "\n" + runHeading() + "\n\n" + table + "\n", java.nio.file.StandardOpenOption.APPEND);
            say("results appended to " + kept);
        }
    }

    private static final String RESULTS_HEADER = """
            # Benchmark results over time

            Every `./ascent bench` run except `--smoke` appends its table here, newest last, with the date,
            the commit and the machine; `--quick` and `--only` runs say so. Figures from a shared machine move
            by 10-20% between runs: compare runs of the same kind on the same machine. Commit this file with
            the change it measures.
            """;

    /** The run's heading: date, commit, kind of run, and the machine it ran on. */
    private String runHeading() {
        String kind = (quick ? "quick run" : "full run") + (only.isEmpty() ? "" : ", only " + String.join(", ", only));
        String settings = System.getenv("ASCENT_BENCH_DB_SETTINGS");
        return "## " + java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
                + ", commit " + commit() + ", " + kind + "\n\n" + machine()
                + (settings == null || settings.isBlank() ? "" : "; database settings: " + settings.trim());
    }

    /** {@code git rev-parse --short HEAD} of the checkout, marked when it has uncommitted changes. */
    private static String commit() {
        Path root = Path.of(System.getProperty("ascent.root", "."));
        String head = git(root, "rev-parse", "--short", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        // The results file itself changes with every run: only other changes make the checkout differ from the commit.
        return git(root, "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/results.md").isEmpty()
                ? head : head + " (with uncommitted changes)";
    }

    private static String git(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Cores, memory and CPU model from /proc where there is one, and the JDK running the benchmark. */
    static String machine() {
        String cpu = "unknown CPU";
        String memory = "unknown memory";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse(memory);
        } catch (IOException | RuntimeException e) {
            // Not Linux: the cores and the JDK still say something.
        }
        // The services' JVM options decide their memory and, through collections, their latency.
        String services = System.getenv().getOrDefault("ASCENT_BENCH_JAVA_OPTS", "").trim();
        String gateway = System.getenv().getOrDefault("ASCENT_BENCH_GATEWAY_JAVA_OPTS", "").trim();
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memory + ", " + cpu + "; JDK "
                + System.getProperty("java.vendor") + " " + Runtime.version()
                + (services.isEmpty() ? "" : "; services' JVM options " + services)
                + (gateway.isEmpty() || gateway.equals(services) ? "" : "; the gateway's " + gateway);
    }

    private boolean wanted(String measure) {
        return only.isEmpty() || only.contains(measure);
    }

    // ---- data -------------------------------------------------------------------------------

    /**
     * The generated organisation for these team sizes: the one a previous run completed in this
     * database (its roots are kept in {@code bench_meta}), else a new one. Generating takes minutes;
     * measuring should not have to wait for it every time. {@code --fresh} always generates.
     */
    private Map<Integer, String> organisation(int[] sizes) throws Exception {
        String key = "seed " + SEED + ", teams " + java.util.Arrays.toString(sizes);
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS bench_meta");
            st.execute("CREATE TABLE IF NOT EXISTS bench_meta.organisation (key text NOT NULL, team_size int NOT NULL, "
                    + "root_id uuid NOT NULL, generated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (key, team_size))");
            if (!fresh) {
                Map<Integer, String> stored = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT team_size, root_id FROM bench_meta.organisation WHERE key = ? ORDER BY team_size")) {
                    ps.setString(1, key);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            stored.put(rs.getInt(1), rs.getString(2));
                        }
                    }
                }
                if (stored.size() == sizes.length) {
                    say("reusing the organisation a previous run generated (" + key + "); --fresh generates a new one");
                    return stored;
                }
            }
            Map<Integer, String> teams = buildTeams(sizes);
            populate(teams);
            // Measure against settled tables, not against autovacuum catching up with the load.
            say("vacuuming and analysing the generated data");
            st.execute("VACUUM (ANALYZE)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_meta.organisation (key, team_size, root_id) "
                    + "VALUES (?, ?, ?) ON CONFLICT (key, team_size) DO UPDATE SET root_id = excluded.root_id, generated_at = now()")) {
                for (Map.Entry<Integer, String> team : teams.entrySet()) {
                    ps.setString(1, key);
                    ps.setInt(2, team.getKey());
                    ps.setObject(3, UUID.fromString(team.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return teams;
        }
    }

    private static String emailOf(String personId) throws java.sql.SQLException {
        try (Connection c = adminConnection();
             PreparedStatement ps = c.prepareStatement("SELECT email FROM assessment.person WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(personId));
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new java.sql.SQLException("no person " + personId);
                }
                return rs.getString(1);
            }
        }
    }

    private static Connection adminConnection() throws java.sql.SQLException {
        return DriverManager.getConnection(env("ASCENT_DB_URL"), env("ASCENT_DB_ADMIN_USER"), env("ASCENT_DB_ADMIN_PASSWORD"));
    }

    /** An admin connection whose JDBC batches the driver sends as multi-row inserts: plain JDBC at its fastest. */
    private static Connection batchingConnection() throws java.sql.SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", env("ASCENT_DB_ADMIN_USER"));
        properties.setProperty("password", env("ASCENT_DB_ADMIN_PASSWORD"));
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(env("ASCENT_DB_URL"), properties);
    }

    /** A manager tree per size (spans of 5 to 10), created level by level, 8 calls at a time. */
    private Map<Integer, String> buildTeams(int[] sizes) throws Exception {
        Map<Integer, String> roots = new LinkedHashMap<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        AtomicInteger created = new AtomicInteger();
        for (int size : sizes) {
            String root = person("Manager " + size, "root-" + size + "-" + run + "@bench.example", "DIRECTOR", null);
            roots.put(size, root);
            List<String> level = List.of(root);
            int remaining = size;
            while (remaining > 0) {
                List<String[]> next = new ArrayList<>();
                for (String manager : level) {
                    int span = 5 + random.nextInt(6);
                    for (int i = 0; i < span && remaining > 0; i++, remaining--) {
                        next.add(new String[] {manager, "p" + size + "-" + remaining + "-" + run + "@bench.example"});
                    }
                }
                level = parallel(next, item -> {
                    String id = person("Person " + item[1], item[1], "PM", item[0]);
                    members.add(new String[] {id, item[1], item[0], String.valueOf(size)});
                    int n = created.incrementAndGet();
                    if (n % 1000 == 0) {
                        say("  " + n + " people created");
                    }
                    return id;
                });
            }
            say("team of " + size + " under " + root);
        }
        return roots;
    }

    private String person(String name, String email, String level, String managerId) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "email", email, "level", level));
        if (managerId != null) {
            body.put("managerId", managerId);
        }
        return http.json("POST", gateway + "/api/v1/people", admin, body, 201).path("id").asText();
    }

    /**
     * Gives the organisation a history: a cycle per team with manager assessments for 80% of people,
     * 20–50 evidence items each through the batch API (suggested), of which five are confirmed by
     * their owner and two verified by the manager, and an active plan for half. People act on the
     * services directly with tokens signed by the gateway's key, as the gateway would forward them.
     */
    private void populate(Map<Integer, String> teams) throws Exception {
        String system = "Bearer " + internalToken("ascent-bench", "admin");
        for (Map.Entry<Integer, String> team : teams.entrySet()) {
            List<String> ids = members.stream().filter(m -> m[3].equals(String.valueOf(team.getKey()))).map(m -> m[0]).toList();
            String cycle = http.json("POST", assessment + "/api/v1/cycles", system, Map.of("name", "Bench cycle " + team.getKey(),
                    "startsOn", LocalDate.now().minusDays(30).toString(), "endsOn", LocalDate.now().plusDays(30).toString(),
                    "participantIds", ids), 201).path("id").asText();
            List<String[]> assessed = members.stream().filter(m -> m[3].equals(String.valueOf(team.getKey())))
                    .filter(m -> Math.floorMod(m[0].hashCode(), 10) < 8).toList();
            AtomicInteger done = new AtomicInteger();
            parallel(assessed, m -> {
                String manager = "Bearer " + internalToken(m[2], "manager");
                List<Map<String, Object>> ratings = new ArrayList<>();
                for (int c = 0; c < 6; c++) {
                    ratings.add(Map.of("competency", COMPETENCIES[(m[0].hashCode() + c * 7 & 0x7fffffff) % COMPETENCIES.length],
                            "rating", 1 + Math.floorMod(m[0].hashCode() + c, 5)));
                }
                List<Map<String, Object>> distinct = ratings.stream().collect(java.util.stream.Collectors.toMap(
                        r -> (String) r.get("competency"), r -> r, (a, b) -> a)).values().stream().toList();
                String id = http.json("POST", assessment + "/api/v1/assessments", manager, Map.of("cycleId", cycle,
                        "subjectId", m[0], "kind", "MANAGER", "ratings", distinct), 201).path("id").asText();
                http.json("POST", assessment + "/api/v1/assessments/" + id + "/submit", manager, null, 200);
                progress(done, "manager assessments");
                return id;
            });
        }
        say(members.size() + " people; manager assessments done");

        JsonNode source = http.json("POST", evidence + "/api/v1/integrations", system,
                Map.of("kind", "GENERIC", "name", "bench-history-" + System.nanoTime()), 201);
        String sourceId = source.path("id").asText();
        AtomicInteger linked = new AtomicInteger();
        parallel(members, m -> {
            http.json("POST", evidence + "/api/v1/integrations/" + sourceId + "/identity-links", system,
                    Map.of("identityKind", "EMAIL", "externalId", m[1], "personId", m[0]), 201, 200);
            progress(linked, "identity links");
            return m;
        });
        String key = "ApiKey " + http.json("POST", gateway + "/api/v1/api-keys", admin,
                Map.of("sourceId", sourceId, "name", "bench-history"), 201).path("key").asText();
        List<Map<String, Object>> events = new ArrayList<>();
        int total = 0;
        for (String[] m : members) {
            int count = 20 + random.nextInt(31);
            for (int i = 0; i < count; i++) {
                events.add(event(m[1], "History item " + i + " of " + m[1]));
                if (events.size() == 1000) {
                    http.send("POST", gateway + "/api/v1/ingest/" + sourceId + "/events", key, "application/json",
                            Http.JSON.writeValueAsBytes(events), 202, 200);
                    total += events.size();
                    events.clear();
                    if (total % 50_000 == 0) {
                        say("  " + total + " evidence events ingested");
                    }
                }
            }
        }
        if (!events.isEmpty()) {
            http.send("POST", gateway + "/api/v1/ingest/" + sourceId + "/events", key, "application/json",
                    Http.JSON.writeValueAsBytes(events), 202, 200);
            total += events.size();
        }
        say(total + " evidence events ingested");

        AtomicInteger reviewed = new AtomicInteger();
        parallel(members, m -> {
            String owner = "Bearer " + internalToken(m[0], "member");
            String manager = "Bearer " + internalToken(m[2], "manager");
            JsonNode page = http.json("GET", evidence + "/api/v1/evidence?personId=" + m[0] + "&status=SUGGESTED&limit=5",
                    owner, null, 200);
            int n = 0;
            for (JsonNode item : page.path("items")) {
                String id = item.path("id").asText();
                http.json("POST", evidence + "/api/v1/evidence/" + id + "/confirm", owner, null, 200);
                if (n++ < 2) {
                    http.json("POST", evidence + "/api/v1/evidence/" + id + "/verify", manager, null, 200);
                }
            }
            progress(reviewed, "people's evidence confirmed and verified");
            return m;
        });

        // Every other member of each team, so that every team's report reads plans: a report over people
        // without any skips the plan-detail statements, and the statement count would then differ by
        // chance rather than by team size (CI compares it across sizes).
        List<String[]> planned = new ArrayList<>();
        for (Integer size : teams.keySet()) {
            List<String[]> team = members.stream().filter(m -> m[3].equals(String.valueOf(size))).toList();
            for (int i = 0; i < team.size(); i += 2) {
                planned.add(team.get(i));
            }
        }
        AtomicInteger plans = new AtomicInteger();
        Map<String, AtomicInteger> activeByTeam = new java.util.concurrent.ConcurrentHashMap<>();
        parallel(planned, m -> {
            String owner = "Bearer " + internalToken(m[0], "member");
            String plan = http.json("POST", growthPlan + "/api/v1/plans", owner, Map.of("personId", m[0]), 201, 422)
                    .path("id").asText(null);
            if (plan != null) {
                http.json("PUT", growthPlan + "/api/v1/plans/" + plan + "/status", owner, Map.of("status", "ACTIVE"), 200);
                activeByTeam.computeIfAbsent(m[3], k -> new AtomicInteger()).incrementAndGet();
            }
            progress(plans, "plans generated and activated");
            return m;
        });
        for (Integer size : teams.keySet()) {
            if (activeByTeam.getOrDefault(String.valueOf(size), new AtomicInteger()).get() == 0) {
                throw new IllegalStateException("no plan could be generated for anyone in the team of " + size);
            }
        }
        say("history generated: " + activeByTeam.values().stream().mapToInt(AtomicInteger::get).sum() + " active plans");
    }

    private Map<String, Object> event(String email, String title) {
        String label = LABELS[random.nextInt(LABELS.length)];
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("externalId", UUID.randomUUID().toString());
        event.put("type", "delivery");
        event.put("occurredAt", LocalDate.now().minusDays(random.nextInt(400)).toString());
        event.put("actorEmail", email);
        event.put("title", title);
        event.put("url", "https://example.com/work/" + UUID.randomUUID());
        if (!label.isEmpty()) {
            event.put("labels", List.of(label));
        }
        return event;
    }

    private static void progress(AtomicInteger counter, String what) {
        int n = counter.incrementAndGet();
        if (n % 1000 == 0) {
            say("  " + n + " " + what);
        }
    }

    // ---- measures ---------------------------------------------------------------------------

    private void gatewayOverhead(String personId) throws Exception {
        URI direct = URI.create(assessment + "/api/v1/people/" + personId);
        URI proxied = URI.create(gateway + "/api/v1/people/" + personId);
        Map<String, String> internal = Map.of("Authorization", "Bearer " + internalToken());
        Map<String, String> bearer = Map.of("Authorization", admin);
        // The web app's way in: a browser session (here the development sign-in's cookie), which the
        // gateway resolves to a caller and exchanges for an internal token on every call.
        Map<String, String> session = Map.of("Cookie", devSession("bench-admin@ascent.local", "ADMIN"));
        int n = smoke ? 300 : quick ? 2_000 : 10_000;
        // Right after a restart the JIT is still compiling these paths: 2,000 warm-up calls left the
        // gateway's p90 overhead at 2.2 ms in one run and 0.8 ms in the next. Warm both well first.
        int warmUp = smoke ? 200 : 10_000;
        // Measured with plain keep-alive sockets (KeepAliveGets): the JDK's client cost more CPU per call than
        // the gateway, on the same two cores, and its queueing was most of the difference it measured.
        try (KeepAliveGets gets = new KeepAliveGets()) {
            Overhead lean = overhead(4, warmUp, n, (uri, headers) -> expect200(gets.get(uri, headers), uri.toString()),
                    direct, internal, proxied, bearer, session);
            say("keep-alive sockets: " + lean.summary());
            results.add("| person read, direct on assessment-service, p50 / p90 (" + lean.direct().getTotalCount()
                    + " calls, 4 clients on keep-alive sockets) | " + Http.ms(lean.direct(), 50) + " / "
                    + Http.ms(lean.direct(), 90) + " ms | |");
            results.add("| same read through the gateway with a bearer token, p50 / p90 | " + Http.ms(lean.bearer(), 50)
                    + " / " + Http.ms(lean.bearer(), 90) + " ms | |");
            results.add(String.format("| gateway overhead with a bearer token, p50 / p90 | %.2f / %.2f ms | ≤ 1 ms p90 |",
                    overhead(lean.bearer(), lean.direct(), 50), overhead(lean.bearer(), lean.direct(), 90)));
            results.add("| same read through the gateway with a session cookie, p50 / p90 | " + Http.ms(lean.session(), 50)
                    + " / " + Http.ms(lean.session(), 90) + " ms | |");
            results.add(String.format("| gateway overhead with a session cookie, p50 / p90 | %.2f / %.2f ms | ≤ 1 ms p90 |",
                    overhead(lean.session(), lean.direct(), 50), overhead(lean.session(), lean.direct(), 90)));
            results.add(String.format("| load generator's CPU per call (this process), keep-alive sockets | %.3f ms | |",
                    lean.generatorCpuMsPerCall()));
            // One call at a time: what the gateway adds to a call when nothing queues behind it.
            Overhead alone = overhead(1, smoke ? 100 : 1_000, n / 2, (uri, headers) -> expect200(gets.get(uri, headers), uri.toString()),
                    direct, internal, proxied, bearer, session);
            say("one client: " + alone.summary());
            results.add(String.format("| the same one call at a time (1 client, %d calls each): overhead p50 / p90, bearer token; "
                            + "session cookie | %.2f / %.2f ms; %.2f / %.2f ms | |", alone.direct().getTotalCount(),
                    overhead(alone.bearer(), alone.direct(), 50), overhead(alone.bearer(), alone.direct(), 90),
                    overhead(alone.session(), alone.direct(), 50), overhead(alone.session(), alone.direct(), 90)));
            // At a steady offered load, the same for both paths: four clients calling as fast as they can
            // measure the gateway's throughput as much as its latency (the gateway path runs at half the
            // rate of the direct one and queues for it), so the overhead is also timed at fixed rates.
            for (int perSecond : new int[] {1_000, 2_000}) {
                Overhead paced = pacedOverhead(perSecond, n, (uri, headers) -> expect200(gets.get(uri, headers), uri.toString()),
                        direct, internal, proxied, bearer, session);
                say(perSecond + " requests a second: " + paced.summary());
                results.add(String.format("| the same at a steady %,d requests a second (4 clients, open loop, timed from "
                                + "each call's scheduled start; %d calls each): overhead p50 / p90, bearer token; session cookie "
                                + "| %.2f / %.2f ms; %.2f / %.2f ms | |", perSecond, paced.direct().getTotalCount(),
                        overhead(paced.bearer(), paced.direct(), 50), overhead(paced.bearer(), paced.direct(), 90),
                        overhead(paced.session(), paced.direct(), 50), overhead(paced.session(), paced.direct(), 90)));
            }
        }
        // The same measure with the JDK's client, as runs before 2026-12-03 made it, for comparison.
        Overhead jdk = overhead(4, smoke ? 200 : 2_000, n, (uri, headers) -> expect200(uri.toString(), headers),
                direct, internal, proxied, bearer, session);
        say("JDK HTTP client: " + jdk.summary());
        results.add(String.format("| the same with the JDK's HTTP client as load generator: overhead p50 / p90, bearer token; "
                        + "session cookie; its CPU per call | %.2f / %.2f ms; %.2f / %.2f ms; %.3f ms | |",
                overhead(jdk.bearer(), jdk.direct(), 50), overhead(jdk.bearer(), jdk.direct(), 90),
                overhead(jdk.session(), jdk.direct(), 50), overhead(jdk.session(), jdk.direct(), 90),
                jdk.generatorCpuMsPerCall()));
    }

    /** One GET and its check: throws unless it answered 200. */
    @FunctionalInterface
    private interface Get {
        Void call(URI uri, Map<String, String> headers) throws Exception;
    }

    /** Throws unless a GET of {@code url} answered 200. */
    private static Void expect200(int status, String url) throws IOException {
        if (status != 200) {
            throw new IOException(url + " answered " + status);
        }
        return null;
    }

    /** Latencies of the three ways to a person read, and what calling cost this process. */
    private record Overhead(Histogram direct, Histogram bearer, Histogram session, double generatorCpuMsPerCall) {
        String summary() {
            return "read direct p50/p90/p99 " + Http.ms(direct, 50) + "/" + Http.ms(direct, 90) + "/" + Http.ms(direct, 99)
                    + " ms; via gateway " + Http.ms(bearer, 50) + "/" + Http.ms(bearer, 90) + "/" + Http.ms(bearer, 99)
                    + " ms; via gateway with a session cookie " + Http.ms(session, 50) + "/" + Http.ms(session, 90) + "/"
                    + Http.ms(session, 99) + " ms; load generator " + String.format("%.3f", generatorCpuMsPerCall) + " ms CPU per call";
        }
    }

    private static Overhead overhead(int clients, int warmUp, int n, Get get, URI direct, Map<String, String> internal, URI proxied,
                                     Map<String, String> bearer, Map<String, String> session) throws Exception {
        Http.load(clients, warmUp, Duration.ofSeconds(120), i -> () -> get.call(direct, internal));
        Http.load(clients, warmUp, Duration.ofSeconds(120), i -> () -> get.call(proxied, bearer));
        Http.load(clients, warmUp, Duration.ofSeconds(120), i -> () -> get.call(proxied, session));
        return interleaved((calls, call) -> Http.load(clients, calls, Duration.ofSeconds(60), call), n, get, direct,
                internal, proxied, bearer, session);
    }

    /** As {@link #overhead}, each path called at {@code perSecond} in all by four clients (an open loop). */
    private static Overhead pacedOverhead(int perSecond, int n, Get get, URI direct, Map<String, String> internal,
                                          URI proxied, Map<String, String> bearer, Map<String, String> session) throws Exception {
        return interleaved((calls, call) -> Http.paced(4, perSecond, calls, call), n, get, direct, internal, proxied,
                bearer, session);
    }

    /** How a round of calls is made: its latencies for {@code calls} calls. */
    @FunctionalInterface
    private interface Round {
        Histogram run(int calls, IntFunction<Callable<Void>> call) throws Exception;
    }

    /** The three paths in interleaved rounds, so that a burst of other load on the shared machine falls on all three alike. */
    private static Overhead interleaved(Round round, int n, Get get, URI direct, Map<String, String> internal, URI proxied,
                                        Map<String, String> bearer, Map<String, String> session) throws Exception {
        Histogram d = new Histogram(60_000_000L, 3);
        Histogram g = new Histogram(60_000_000L, 3);
        Histogram c = new Histogram(60_000_000L, 3);
        int rounds = 5;
        long cpuBefore = ownCpuNanos();
        for (int r = 0; r < rounds; r++) {
            d.add(round.run(n / rounds, i -> () -> get.call(direct, internal)));
            g.add(round.run(n / rounds, i -> () -> get.call(proxied, bearer)));
            c.add(round.run(n / rounds, i -> () -> get.call(proxied, session)));
        }
        long calls = d.getTotalCount() + g.getTotalCount() + c.getTotalCount();
        return new Overhead(d, g, c, (ownCpuNanos() - cpuBefore) / 1e6 / Math.max(1, calls));
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static double overhead(Histogram viaGateway, Histogram direct, double percentile) {
        return (viaGateway.getValueAtPercentile(percentile) - direct.getValueAtPercentile(percentile)) / 1000.0;
    }

    /** Signs in with the development sign-in (the local profile's) and answers the session's Cookie header. */
    private String devSession(String email, String role) throws Exception {
        var response = http.raw("POST", gateway + "/auth/dev", null, "application/json",
                Http.JSON.writeValueAsBytes(Map.of("email", email, "roles", List.of(role))));
        if (response.statusCode() != 204) {
            throw new IOException("the development sign-in answered " + response.statusCode());
        }
        List<String> cookies = response.headers().allValues("Set-Cookie").stream()
                .map(v -> v.split(";", 2)[0]).toList();
        if (cookies.isEmpty()) {
            throw new IOException("the development sign-in set no cookie");
        }
        return String.join("; ", cookies);
    }

    private void teamReports(Map<Integer, String> teams) throws Exception {
        for (Map.Entry<Integer, String> team : teams.entrySet()) {
            int size = team.getKey();
            String url = gateway + "/api/v1/teams/" + team.getValue() + "/report?depth=all";
            int iterations = smoke ? 10 : size >= 10_000 ? 30 : size >= 1_000 ? 40 : 100;
            // A team's first report computes everyone's readiness (the read model starts empty after a
            // restart and every morning); the ones after it reuse whatever did not change.
            long coldStart = System.nanoTime();
            expect200(url, admin);
            double coldMs = (System.nanoTime() - coldStart) / 1e6;
            // Until the JIT has compiled a size's paths its reports are slower: after a restart the
            // 10,000-person report went from 800 to 300 ms over its first 20-25 calls, which two warm-up
            // calls left inside the timed ones (as the p95). Warm until the timed calls are steady.
            int warmUp = smoke ? 2 : size >= 10_000 ? 25 : 10;
            Http.load(1, warmUp, Duration.ofSeconds(120), i -> () -> expect200(url, admin));
            Histogram h = Http.load(1, iterations, Duration.ofSeconds(180), i -> () -> expect200(url, admin));
            say(String.format("team report %d: the team's first (readiness computed for everyone) %.0f ms", size, coldMs));
            results.add(String.format("| team report for %d people, the team's first since the start (readiness "
                    + "computed for everyone in it; smaller teams' reports ran before) | %.0f ms | |", size, coldMs));
            say("team report " + size + ": p50/p95/p99 " + Http.ms(h, 50) + "/" + Http.ms(h, 95) + "/" + Http.ms(h, 99) + " ms");
            results.add("| team report (JSON, all levels) for " + size + " people, p50 / p95 / p99 (" + h.getTotalCount()
                    + " calls) | " + Http.ms(h, 50) + " / " + Http.ms(h, 95) + " / " + Http.ms(h, 99) + " ms | "
                    + (size == 10_000 ? "p95 ≤ 300 ms" : "") + " |");
            statementsPerReport(size, url);
        }
        // Memory after the heaviest load the platform sees here, besides the fresh-start figures below.
        Path run = Path.of(env("ASCENT_BENCH_RUN_DIR"));
        StringBuilder rss = new StringBuilder();
        for (String service : List.of("assessment-service", "evidence-service", "growth-plan-service", "gateway")) {
            long pid = Long.parseLong(Files.readString(run.resolve(service + ".pid")).trim());
            rss.append(rss.length() == 0 ? "" : ", ").append(service).append(' ').append(rssKb(pid) / 1024).append(" MB");
        }
        say("RSS after the team reports: " + rss);
        results.add("| RSS of the running services after the team reports | " + rss + " | ≤ 350 MB |");
    }

    /**
     * SQL statements per report, per service, from PostgreSQL's own pg_stat_statements: the
     * statistics are reset, a few reports run one after another, and every statement each service's
     * database role executed meanwhile is counted. Rows returned show the work growing with the team.
     */
    private void statementsPerReport(int size, String url) throws Exception {
        if (!resetStatements()) {
            say("statements per report: pg_stat_statements is not loaded on this server; skipped");
            results.add("| SQL statements per report, " + size + " people | not measured: pg_stat_statements "
                    + "is not loaded on this server | constant |");
            return;
        }
        int reports = 3;
        for (int i = 0; i < reports; i++) {
            expect200(url, admin);
        }
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            Map<String, long[]> byRole = new java.util.TreeMap<>();
            try (var rs = st.executeQuery("SELECT r.rolname, sum(s.calls), sum(s.rows) " + SERVICE_STATEMENTS
                    + " GROUP BY r.rolname")) {
                while (rs.next()) {
                    byRole.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            StringBuilder figure = new StringBuilder();
            long total = 0;
            for (Map.Entry<String, long[]> e : byRole.entrySet()) {
                long calls = e.getValue()[0];
                total += calls;
                if (figure.length() > 0) {
                    figure.append(", ");
                }
                figure.append(e.getKey()).append(' ').append(fraction(calls, reports))
                        .append(" (").append(e.getValue()[1] / reports).append(" rows)");
            }
            say("statements per report " + size + ": " + fraction(total, reports) + " — " + figure);
            results.add("| SQL statements per report, " + size + " people (pg_stat_statements, " + reports + " reports) | "
                    + fraction(total, reports) + ": " + figure + " | constant |");
        }
    }

    private static String fraction(long n, int of) {
        return n % of == 0 ? Long.toString(n / of) : String.format("%.1f", (double) n / of);
    }

    /**
     * Batches of 1,000 through the gateway's batch API, several clients, then the same number of rows
     * by raw JDBC, in five runs one after another (one in a smoke run), each against a fresh source
     * whose events are deleted afterwards, so every run meets the same tables. What PostgreSQL spent
     * per event (statements, their time, WAL) comes from pg_stat_statements.
     */
    private void ingestion(String managerOfPeople) throws Exception {
        JsonNode team = http.json("GET", gateway + "/api/v1/people/" + managerOfPeople + "/team?depth=all", admin, null, 200);
        List<String> emails = new ArrayList<>();
        team.path("people").forEach(p -> emails.add(p.path("email").asText()));
        List<String> actors = emails.subList(0, Math.min(100, emails.size()));
        int runs = smoke ? 1 : 5;
        int batches = smoke ? 4 : quick ? 12 : 120;
        int clients = 4;
        List<double[]> measured = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            // Only the first run warms up: the spread of the runs after it shows how steady the path is.
            double[] r = ingestionRun(actors, batches, clients, run == 1 ? (quick ? clients : 10 * clients) : 0);
            measured.add(r);
            say(String.format("ingestion run %d of %d: %.0f events/s via gateway (batch p50 %.2f ms); raw JDBC of the same "
                    + "rows %.0f events/s (one narrow table: %.0f); gateway ÷ raw %.2f; PostgreSQL: %.1f statements per batch "
                    + "of 1,000, %.3f ms of statement time and %.0f bytes of WAL per event", run, runs, r[0], r[2], r[1], r[6],
                    r[0] / r[1], r[3] * 1000, r[4], r[5]));
        }
        double[] gatewayRates = measured.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] rawRates = measured.stream().mapToDouble(r -> r[1]).sorted().toArray();
        double[] shares = measured.stream().mapToDouble(r -> r[0] / r[1]).sorted().toArray();
        double[] last = measured.get(measured.size() - 1);
        String spread = runs == 1 ? "" : String.format(" (%d runs after a restart: min / median / max)", runs);
        results.add(String.format("| ingestion through the gateway, batches of 1,000, %d clients%s | %s events/s | |",
                clients, spread, spread(gatewayRates, "%.0f")));
        results.add(String.format("| raw JDBC batch insert of the same rows (each run's events, evidence and status "
                + "history copied into the same tables, %d connections, 1,000 events per transaction, batches rewritten as multi-row inserts) | %s events/s | |",
                clients, spread(rawRates, "%.0f")));
        results.add(String.format("| for scale: raw JDBC into one narrow table with one index, one connection (the round-1 "
                + "baseline) | %s events/s | |", spread(measured.stream().mapToDouble(r -> r[6]).sorted().toArray(), "%.0f")));
        results.add(String.format("| gateway ÷ raw JDBC, run by run | %s | ≥ 0.50 |", spread(shares, "%.2f")));
        results.add(String.format("| raw ÷ gateway (median run) | %.1f× | ≤ 2× |", 1 / shares[shares.length / 2]));
        results.add(String.format("| PostgreSQL's work for ingestion (evidence-service's statements, last run) | %.1f statements "
                + "per batch of 1,000; per event %.3f ms of statement time and %.0f bytes of WAL | |", last[3] * 1000, last[4], last[5]));
    }

    private static String spread(double[] sorted, String format) {
        if (sorted.length == 1) {
            return String.format(format, sorted[0]);
        }
        return String.format(format + " / " + format + " / " + format, sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1]);
    }

    /**
     * One ingestion run: [events/s via gateway, raw JDBC events/s of the same rows, batch p50 ms, statements, ms and
     * WAL bytes per event, raw JDBC events/s into one narrow table].
     */
    private double[] ingestionRun(List<String> actors, int batches, int clients, int warmUp) throws Exception {
        JsonNode source = http.json("POST", gateway + "/api/v1/integrations", admin,
                Map.of("kind", "GENERIC", "name", "bench-" + System.nanoTime()), 201);
        String sourceId = source.path("id").asText();
        parallel(actors, email -> {
            JsonNode p = http.json("GET", gateway + "/api/v1/people?email=" + email, admin, null, 200);
            http.json("POST", gateway + "/api/v1/integrations/" + sourceId + "/identity-links", admin,
                    Map.of("identityKind", "EMAIL", "externalId", email, "personId", p.path("items").get(0).path("id").asText()),
                    201, 200);
            return email;
        });
        JsonNode apiKey = http.json("POST", gateway + "/api/v1/api-keys", admin,
                Map.of("sourceId", sourceId, "name", "bench"), 201);
        String key = "ApiKey " + apiKey.path("key").asText();
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < batches + warmUp; b++) {
            bodies.add(batch(b, actors));
        }
        String url = gateway + "/api/v1/ingest/" + sourceId + "/events";
        if (warmUp > 0) {
            Http.load(clients, warmUp, Duration.ofSeconds(60), i -> () -> post(url, key, bodies.get(batches + i)));
        }
        boolean statistics = resetStatements();
        long start = System.nanoTime();
        Histogram h = Http.load(clients, batches, Duration.ofSeconds(300), i -> () -> post(url, key, bodies.get(i)));
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = h.getTotalCount() * 1000;
        double[] perEvent = statistics ? evidenceStatements(events) : new double[] {Double.NaN, Double.NaN, Double.NaN};
        double narrow = rawJdbc((int) events, actors);
        double raw = new SameRowsBaseline(Bench::batchingConnection).eventsPerSecond(UUID.fromString(sourceId), clients);
        http.send("DELETE", gateway + "/api/v1/api-keys/" + apiKey.path("id").asText(), admin, null, null, 204);
        removeMeasuredEvents(sourceId);
        return new double[] {events / seconds, raw, h.getValueAtPercentile(50) / 1000.0, perEvent[0], perEvent[1], perEvent[2],
                narrow};
    }

    /** evidence-service's statements since the reset, per event: [statements, ms, WAL bytes]. */
    private double[] evidenceStatements(long events) throws Exception {
        try (Connection c = adminConnection(); Statement st = c.createStatement(); var rs = st.executeQuery(
                "SELECT coalesce(sum(s.calls), 0), coalesce(sum(s.total_exec_time), 0), coalesce(sum(s.wal_bytes), 0) "
                        + SERVICE_STATEMENTS + " AND r.rolname LIKE '%evidence%'")) {
            rs.next();
            return new double[] {rs.getDouble(1) / events, rs.getDouble(2) / events, rs.getDouble(3) / events};
        }
    }

    private byte[] batch(int b, List<String> actors) throws IOException {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // "delivery" events map to evidence by the default rules, so each becomes a suggestion.
            events.add(event(actors.get(random.nextInt(actors.size())), "Bench work item " + b + "-" + i + " shipped"));
        }
        return Http.JSON.writeValueAsBytes(events);
    }

    /**
     * Deletes what a throughput measure wrote (its source's events, evidence and their history), so
     * the generated organisation stays as generated and every run measures against the same data.
     */
    private void removeMeasuredEvents(String sourceId) throws Exception {
        try (Connection c = adminConnection()) {
            SameRowsBaseline.removeSource(c, UUID.fromString(sourceId));
        }
    }

    /** For scale: as many narrow rows (one table, one index) by one connection in JDBC batches of 1,000. */
    private double rawJdbc(int rows, List<String> actors) throws Exception {
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS bench_scratch");
            st.execute("DROP TABLE IF EXISTS bench_scratch.ingest_rows");
            st.execute("CREATE TABLE bench_scratch.ingest_rows (id uuid PRIMARY KEY, source_id uuid NOT NULL, "
                    + "actor text NOT NULL, type text NOT NULL, title text NOT NULL, url text, occurred_at date NOT NULL, "
                    + "payload jsonb NOT NULL)");
            c.setAutoCommit(false);
            UUID source = UUID.randomUUID();
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_scratch.ingest_rows "
                    + "(id, source_id, actor, type, title, url, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, source);
                    ps.setString(3, actors.get(i % actors.size()));
                    ps.setString(4, "delivery");
                    ps.setString(5, "Bench work item " + i + " shipped");
                    ps.setString(6, "https://example.com/items/" + i);
                    ps.setObject(7, LocalDate.now().minusDays(i % 300));
                    ps.setString(8, "{\"labels\":[\"delivery\"]}");
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            c.setAutoCommit(true);
            st.execute("DROP SCHEMA bench_scratch CASCADE");
            return rows / seconds;
        }
    }

    /** Signed GitHub pull-request webhooks, each a new delivery, 4 clients. */
    private void webhooks(String managerOfPeople) throws Exception {
        JsonNode source = http.json("POST", gateway + "/api/v1/integrations", admin,
                Map.of("kind", "GITHUB", "name", "bench-gh-" + System.nanoTime()), 201);
        JsonNode team = http.json("GET", gateway + "/api/v1/people/" + managerOfPeople + "/team", admin, null, 200);
        String person = team.path("people").get(0).path("id").asText();
        http.json("POST", gateway + "/api/v1/integrations/" + source.path("id").asText() + "/identity-links", admin,
                Map.of("identityKind", "GITHUB_LOGIN", "externalId", "bench-dev", "personId", person), 201, 200);
        String secret = source.path("secret").asText();
        String url = gateway + source.path("webhookPath").asText();
        int n = smoke ? 100 : quick ? 300 : 2_000;
        long start = System.nanoTime();
        Histogram h = Http.load(4, n, Duration.ofSeconds(120), i -> () -> {
            String body = "{\"action\":\"closed\",\"number\":" + i + ",\"pull_request\":{\"number\":" + i
                    + ",\"title\":\"Bench change " + i + "\",\"html_url\":\"https://github.com/o/r/pull/" + i
                    + "\",\"merged\":true,\"merged_at\":\"" + Instant.now() + "\",\"body\":\"\",\"labels\":[],"
                    + "\"user\":{\"login\":\"bench-dev\"}},\"repository\":{\"full_name\":\"o/r\"},\"sender\":{\"login\":\"bench-dev\"}}";
            var response = http.rawWithHeaders(url, body, Map.of("X-GitHub-Event", "pull_request",
                    "X-GitHub-Delivery", UUID.randomUUID().toString(), "X-Hub-Signature-256", "sha256=" + hmac(secret, body)));
            if (response >= 300) {
                throw new IOException("webhook answered " + response);
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        say(String.format("webhooks: %.0f events/s", h.getTotalCount() / seconds));
        removeMeasuredEvents(source.path("id").asText());
        results.add(String.format("| signed GitHub webhooks through the gateway, 4 clients | %.0f events/s (p50 %s ms) | |",
                h.getTotalCount() / seconds, Http.ms(h, 50)));
    }

    /**
     * The reads every person makes, under concurrency: 16 members, each with their own development
     * token (signed as {@code ./ascent token} signs one), each looping on their own overview
     * ({@code GET /api/v1/me/overview}: profile, readiness, active plan and recent evidence, read
     * from three services in parallel) and then on their own readiness
     * ({@code GET /api/v1/people/{id}/readiness}), for a fixed time after a warm-up. Its people are
     * made for the run through the public API, so it does not wait for the generated organisation.
     */
    private void overviewThroughput() throws Exception {
        int callers = 16;
        // A JFR profile after 5 s still had C2 compiling in every service (a minute of compile time in
        // assessment-service over the run): warm up long enough to measure the code, not the compiler.
        Duration warmUp = Duration.ofSeconds(smoke ? 1 : 15);
        Duration measured = Duration.ofSeconds(smoke ? 2 : quick ? 10 : 20);
        // More people than callers, each caller taking them in turn: no one person's answer is asked over and over.
        List<String[]> people = overviewPeople(smoke ? callers : 4 * callers);
        String overview = gateway + "/api/v1/me/overview";
        throughput("GET /api/v1/me/overview", callers, people.size(), warmUp, measured, i -> overview, i -> people.get(i)[1],
                // A part that failed leaves the overview 200 with the part named as unavailable: count it.
                body -> new String(body, StandardCharsets.ISO_8859_1).contains("\"unavailable\":[]"));
        throughput("GET /api/v1/people/{id}/readiness (their own)", callers, people.size(), warmUp, measured,
                i -> gateway + "/api/v1/people/" + people.get(i)[0] + "/readiness", i -> people.get(i)[1], body -> true);
        // The gateway keeps each overview until something of its person's changes: the same reads while
        // the members keep logging evidence (each item changes their readiness, plan progress and recent
        // evidence), so a share of the views is computed anew, as in a working day.
        int changesPerSecond = 10;
        java.util.concurrent.atomic.AtomicLong logged = new java.util.concurrent.atomic.AtomicLong();
        try (var writer = Executors.newSingleThreadScheduledExecutor()) {
            writer.scheduleAtFixedRate(() -> {
                int i = (int) (logged.get() % people.size());
                try {
                    http.json("POST", gateway + "/api/v1/evidence", people.get(i)[1], Map.of("personId", people.get(i)[0],
                            "kind", "DELIVERY", "competencies", List.of(COMPETENCIES[i % COMPETENCIES.length]),
                            "title", "Logged while the overview was measured", "occurredAt", LocalDate.now().toString()), 201);
                    logged.incrementAndGet();
                } catch (Exception e) {
                    say("overview: logging evidence failed: " + e);
                }
            }, 0, 1000 / changesPerSecond, java.util.concurrent.TimeUnit.MILLISECONDS);
            throughput("GET /api/v1/me/overview while members log " + changesPerSecond + " evidence items a second",
                    callers, people.size(), warmUp, measured, i -> overview, i -> people.get(i)[1],
                    body -> new String(body, StandardCharsets.ISO_8859_1).contains("\"unavailable\":[]"));
            writer.shutdownNow();
        }
        say("overview: " + logged.get() + " evidence items logged while measuring");
    }

    /** One path under fixed-time load: a check call per caller, the warm-up, then the measured run. */
    private void throughput(String label, int callers, int people, Duration warmUp, Duration measured, IntFunction<String> url,
                            IntFunction<String> authorization, java.util.function.Predicate<byte[]> complete)
            throws Exception {
        for (int i = 0; i < people; i++) {
            var response = http.raw("GET", url.apply(i), authorization.apply(i), null, null);
            if (response.statusCode() != 200 || !complete.test(response.body())) {
                throw new IOException(label + " for caller " + i + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        forDuration(callers, people, warmUp, url, authorization, complete);
        boolean statements = resetStatements();
        Map<String, Long> cpuBefore = serviceCpuMs();
        Throughput t = forDuration(callers, people, measured, url, authorization, complete);
        Map<String, Long> cpuAfter = serviceCpuMs();
        Histogram h = t.latencies();
        if (h.getTotalCount() == 0) {
            throw new IOException(label + ": no call succeeded; the first failure: " + t.firstError());
        }
        String sql = statements ? statementsPerCall(label, h.getTotalCount() + t.errors()) : "";
        String errors = t.errors() + (t.errors() == 1 ? " error" : " errors")
                + (t.errors() > 0 ? " (first: " + t.firstError() + ")" : "");
        // Req/s follows whatever else the machine runs; the services' CPU per call much less so.
        StringBuilder cpu = new StringBuilder();
        long cpuTotal = 0;
        for (Map.Entry<String, Long> e : cpuAfter.entrySet()) {
            long used = e.getValue() - cpuBefore.getOrDefault(e.getKey(), e.getValue());
            cpuTotal += used;
            cpu.append(cpu.length() == 0 ? "" : ", ").append(e.getKey().replace("-service", ""))
                    .append(String.format(" %.2f", (double) used / h.getTotalCount()));
        }
        String cpuPerCall = (cpuAfter.isEmpty() ? "" : String.format("; services' CPU %.2f ms per call (%s)",
                (double) cpuTotal / h.getTotalCount(), cpu)) + sql;
        say(String.format("%s, %d callers: %.0f req/s, p50/p95/p99 %s/%s/%s ms, %s%s", label, callers, t.perSecond(),
                Http.ms(h, 50), Http.ms(h, 95), Http.ms(h, 99), errors, cpuPerCall));
        results.add(String.format("| %s at %d concurrent callers taking %d members in turn, each with their own token, "
                        + "%d s after a %d s warm-up: req/s, p50 / p95 / p99 (%d calls) | %.0f req/s, %s / %s / %s ms, %s%s "
                        + "| ≥ 500 req/s, p99 ≤ 100 ms |",
                label, callers, people, measured.toSeconds(), warmUp.toSeconds(), h.getTotalCount(), t.perSecond(),
                Http.ms(h, 50), Http.ms(h, 95), Http.ms(h, 99), errors, cpuPerCall));
    }

    /**
     * The statements the services' database roles ran in this database (not the benchmark's own), less
     * what the JDBC driver runs once per pooled connection: its session set-up ({@code SET
     * application_name}) and its catalog lookups (an array type's oid the first time a connection binds
     * one, column metadata, keywords). Which pooled connection a call gets is chance, so those made one
     * report of three count a statement more now and then (13.3 against 13 in a CI run).
     */
    private static final String SERVICE_STATEMENTS = "FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid "
            + "WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND r.rolname <> current_user "
            + "AND s.query NOT LIKE 'SET %' AND s.query NOT LIKE '%pg\\_catalog.%' "
            // The gateway's change listener checks its idle connection with SELECT 1 every 10 s
            // (PeopleChanges): not part of any report, and in a count only when it falls inside one.
            + "AND s.query NOT IN ('SELECT 1', 'SELECT $1')";

    /** Clears pg_stat_statements when the server has it loaded; answers whether it does. */
    private static boolean resetStatements() {
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT current_setting('shared_preload_libraries')")) {
                rs.next();
                if (!rs.getString(1).contains("pg_stat_statements")) {
                    return false;
                }
            }
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            st.execute("SELECT pg_stat_statements_reset()");
            return true;
        } catch (java.sql.SQLException e) {
            say("pg_stat_statements unavailable: " + e.getMessage());
            return false;
        }
    }

    /**
     * Where the database time of a measured run went: statements and their time per call, per service
     * role, for the table; the twelve statements with the most total time, for the output only.
     */
    private static String statementsPerCall(String label, long calls) {
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            StringBuilder figure = new StringBuilder();
            try (var rs = st.executeQuery("SELECT r.rolname, sum(s.calls), sum(s.total_exec_time) " + SERVICE_STATEMENTS
                    + " GROUP BY r.rolname ORDER BY r.rolname")) {
                while (rs.next()) {
                    figure.append(figure.length() == 0 ? "" : ", ").append(rs.getString(1).replace("ascent_", ""))
                            .append(String.format(" %.1f (%.2f ms)", rs.getDouble(2) / calls, rs.getDouble(3) / calls));
                }
            }
            try (var rs = st.executeQuery("SELECT r.rolname, s.calls, s.total_exec_time, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 160) "
                    + SERVICE_STATEMENTS + " ORDER BY s.total_exec_time DESC LIMIT 12")) {
                while (rs.next()) {
                    say(String.format("  %s: %s %.2f per call, %.3f ms each: %s", label, rs.getString(1),
                            rs.getDouble(2) / calls, rs.getDouble(3) / Math.max(1, rs.getLong(2)), rs.getString(4)));
                }
            }
            return figure.length() == 0 ? "" : "; SQL statements per call (their time): " + figure;
        } catch (java.sql.SQLException e) {
            say("pg_stat_statements unreadable: " + e.getMessage());
            return "";
        }
    }

    /**
     * CPU time (user and system, ms) each service the launcher started has used so far, read from
     * /proc with the pids in its run directory; empty where that cannot be read.
     */
    private static Map<String, Long> serviceCpuMs() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        String run = System.getenv("ASCENT_BENCH_RUN_DIR");
        for (String service : List.of("gateway", "assessment-service", "evidence-service", "growth-plan-service")) {
            try {
                long pid = Long.parseLong(Files.readString(Path.of(run, service + ".pid")).trim());
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                // After the command's closing parenthesis: field 3 (state) onwards; utime and stime are 14 and 15.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                cpu.put(service, ticks * 10); // USER_HZ is 100 on Linux
            } catch (IOException | RuntimeException e) {
                return Map.of();
            }
        }
        return cpu;
    }

    /** Latencies (µs) of the calls that answered 200 and complete; the others counted as errors. */
    private record Throughput(Histogram latencies, long errors, String firstError, double perSecond) {
    }

    /**
     * Each caller calls, one call after another until the time is up, person {@code c}, then {@code c + callers}, and
     * so on round the {@code people}, each person's URL with their own token.
     */
    private Throughput forDuration(int callers, int people, Duration duration, IntFunction<String> url,
                                   IntFunction<String> authorization, java.util.function.Predicate<byte[]> complete)
            throws Exception {
        Histogram total = new Histogram(60_000_000L, 3);
        long errors = 0;
        String firstError = null;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<Throughput>> parts = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                List<String> targets = new ArrayList<>();
                List<String> bearers = new ArrayList<>();
                for (int p = c; p < people; p += callers) {
                    targets.add(url.apply(p));
                    bearers.add(authorization.apply(p));
                }
                parts.add(pool.submit(() -> {
                    Histogram mine = new Histogram(60_000_000L, 3);
                    long failed = 0;
                    String first = null;
                    for (int n = 0; System.nanoTime() < end; n = (n + 1) % targets.size()) {
                        String target = targets.get(n);
                        String bearer = bearers.get(n);
                        long begun = System.nanoTime();
                        String failure;
                        try {
                            var response = http.raw("GET", target, bearer, null, null);
                            failure = response.statusCode() != 200 ? "answered " + response.statusCode()
                                    : complete.test(response.body()) ? null : "answered 200 with a part unavailable";
                        } catch (IOException e) {
                            failure = e.toString();
                        }
                        if (failure == null) {
                            mine.recordValue(Math.max(1, (System.nanoTime() - begun) / 1_000));
                        } else {
                            failed++;
                            first = first != null ? first : failure;
                        }
                    }
                    return new Throughput(mine, failed, first, 0);
                }));
            }
            for (Future<Throughput> part : parts) {
                Throughput p = part.get();
                total.add(p.latencies());
                errors += p.errors();
                firstError = firstError != null ? firstError : p.firstError();
            }
        }
        // Until the last call ended: each caller finishes the call it was in when the time was up.
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(total, errors, firstError, total.getTotalCount() / seconds);
    }

    /**
     * A manager and {@code count} members under them, made through the gateway as people would: the
     * manager runs a cycle and submits an assessment of each member, each member logs six evidence
     * items (confirmed, being their own) of which the manager verifies two, and generates and
     * activates a plan. Answers each member's id and bearer token.
     */
    private List<String[]> overviewPeople(int count) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String managerEmail = "overview-manager-" + run + "@bench.example";
        String managerId = person("Overview manager " + run, managerEmail, "DIRECTOR", null);
        String manager = "Bearer " + devToken(managerEmail, "manager");
        List<Integer> indexes = java.util.stream.IntStream.range(0, count).boxed().toList();
        List<String[]> people = parallel(indexes, i -> {
            String email = "overview-" + i + "-" + run + "@bench.example";
            String id = person("Overview member " + i, email, "PM", managerId);
            return new String[] {id, "Bearer " + devToken(email, "member"), email};
        });
        String cycle = http.json("POST", gateway + "/api/v1/cycles", manager, Map.of("name", "Overview cycle " + run,
                "startsOn", LocalDate.now().minusDays(30).toString(), "endsOn", LocalDate.now().plusDays(30).toString(),
                "participantIds", people.stream().map(p -> p[0]).toList()), 201).path("id").asText();
        String[] kinds = {"DELIVERY", "CUSTOMER_DISCOVERY_SESSION", "UNOWNED_PROBLEM", "CUSTOMER_FACING_SESSION",
                "RELATIONSHIP_BUILT", "STRATEGIC_RECOMMENDATION"};
        parallel(indexes, i -> {
            String id = people.get(i)[0];
            String member = people.get(i)[1];
            List<Map<String, Object>> ratings = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                ratings.add(Map.of("competency", COMPETENCIES[(i + c) % COMPETENCIES.length], "rating", 2 + (i + c) % 4));
            }
            String assessment = http.json("POST", gateway + "/api/v1/assessments", manager, Map.of("cycleId", cycle,
                    "subjectId", id, "kind", "MANAGER", "ratings", ratings), 201).path("id").asText();
            http.json("POST", gateway + "/api/v1/assessments/" + assessment + "/submit", manager, null, 200);
            for (int k = 0; k < 6; k++) {
                String item = http.json("POST", gateway + "/api/v1/evidence", member, Map.of("personId", id,
                        "kind", kinds[k], "competencies", List.of(COMPETENCIES[(i + k) % COMPETENCIES.length]),
                        "title", "Overview work item " + k + " of member " + i,
                        "occurredAt", LocalDate.now().minusDays(10 + 20L * k).toString()), 201).path("id").asText();
                if (k < 2) {
                    http.json("POST", gateway + "/api/v1/evidence/" + item + "/verify", manager, null, 200);
                }
            }
            String plan = http.json("POST", gateway + "/api/v1/plans", member, Map.of("personId", id), 201, 422)
                    .path("id").asText(null);
            if (plan != null) {
                http.json("PUT", gateway + "/api/v1/plans/" + plan + "/status", member, Map.of("status", "ACTIVE"), 200);
            }
            return id;
        });
        say("overview: " + count + " members under manager " + managerId + ", each assessed, with evidence and a plan");
        return people;
    }

    /**
     * Each service started from its jar on a free port: time to ready, RSS after a warm-up. Started
     * as the launcher starts it (its JVM options and, on JDK 25+, its ahead-of-time cache when one
     * exists), and once without the cache for comparison.
     */
    private void startupAndMemory() throws Exception {
        Path root = Path.of(System.getProperty("ascent.root", "."));
        for (String service : List.of("assessment-service", "evidence-service", "growth-plan-service", "gateway")) {
            Path cache = root.resolve(service + "/target/quarkus-app/app.aot");
            boolean cached = Runtime.version().feature() >= 25 && Files.exists(cache);
            double[] plain = startOnce(root, service, List.of());
            if (!cached) {
                say(String.format("%s: ready in %.2f s, RSS %.0f MB after warm-up (no start-up cache)", service, plain[0], plain[1]));
                results.add(String.format("| %s: ready from `java -jar` / RSS after 2,000 requests (no start-up cache) "
                        + "| %.2f s / %.0f MB | ≤ 2 s / ≤ 350 MB |", service, plain[0], plain[1]));
                continue;
            }
            double[] aot = startOnce(root, service, List.of("-XX:AOTCache=" + cache));
            say(String.format("%s: ready in %.2f s with its start-up cache (%.2f s without), RSS %.0f MB after warm-up",
                    service, aot[0], plain[0], aot[1]));
            results.add(String.format("| %s: ready from `java -jar` with its AOT cache (without) / RSS after 2,000 requests "
                    + "| %.2f s (%.2f s) / %.0f MB | ≤ 2 s / ≤ 350 MB |", service, aot[0], plain[0], aot[1]));
        }
    }

    /** Starts a service, waits until ready, warms it with 2,000 reads; answers seconds to ready and RSS in MB. */
    private double[] startOnce(Path root, String service, List<String> extraOptions) throws Exception {
        Map<String, String> reads = Map.of("assessment-service", "/api/v1/frameworks/current",
                "evidence-service", "/api/v1/evidence?personId=" + UUID.randomUUID(),
                "growth-plan-service", "/api/v1/playbook",
                "gateway", "/api/v1/platform/health");
        int port = freePort();
        // Health answers on the management interface. The platform's services hold their management
        // ports (ASCENT_<SERVICE>_MANAGEMENT_PORT, else 9080-9083), so this one gets a free port of its
        // own, set through the same variable.
        int management = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        String options = "gateway".equals(service) && System.getenv("ASCENT_BENCH_GATEWAY_JAVA_OPTS") != null
                ? env("ASCENT_BENCH_GATEWAY_JAVA_OPTS") : env("ASCENT_BENCH_JAVA_OPTS");
        command.addAll(List.of(options.trim().split("\\s+")));
        command.addAll(extraOptions);
        command.addAll(List.of("-jar", root.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("bench/target/" + service + "-startup.log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put(managementPortVariable(service), String.valueOf(management));
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (!ready(management)) {
                if (!process.isAlive() || System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                    throw new IOException(service + " did not start; see bench/target/" + service + "-startup.log");
                }
                Thread.sleep(20);
            }
            double readySeconds = (System.nanoTime() - start) / 1e9;
            String url = "http://127.0.0.1:" + port + reads.get(service);
            String auth = service.equals("gateway") ? null : "Bearer " + internalToken();
            Http.load(4, 2_000, Duration.ofSeconds(60), i -> () -> {
                int status = http.raw("GET", url, auth, null, null).statusCode();
                if (status >= 500 && !service.equals("gateway")) {
                    throw new IOException(url + " answered " + status);
                }
                return null;
            });
            return new double[] {readySeconds, rssKb(process.pid()) / 1024.0};
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Void expect200(String url, Map<String, String> headers) throws Exception {
        return expect200(http.getWithHeaders(url, headers), url);
    }

    private Void expect200(String url, String authorization) throws Exception {
        return expect200(http.raw("GET", url, authorization, null, null).statusCode(), url);
    }

    private Void post(String url, String authorization, byte[] body) throws Exception {
        var response = http.raw("POST", url, authorization, "application/json", body);
        if (response.statusCode() >= 300) {
            throw new IOException(url + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return null;
    }

    /** An ES256 token signed with the gateway's key, so reads can go to a service directly. */
    private String internalToken() throws Exception {
        return internalToken("ascent-bench", "admin");
    }

    private String internalToken(String subject, String role) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"ascent-gateway\",\"sub\":\"" + subject + "\",\"groups\":[\"" + role + "\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initSign(internalKey);
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(signature.sign());
    }

    /**
     * A development bearer token for a person, as {@code ./ascent token EMAIL --role ROLE} makes one:
     * RS256 with the launcher's development key ({@code dev-private.pem} beside the gateway's key).
     */
    private String devToken(String email, String role) throws Exception {
        if (devKey == null) {
            String location = System.getenv("ASCENT_BENCH_DEV_KEY");
            Path path = location != null && !location.isBlank() ? Path.of(location)
                    : Path.of(env("ASCENT_BENCH_INTERNAL_KEY")).resolveSibling("dev-private.pem");
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(path).replaceAll("-----[A-Z ]+-----", ""));
            devKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String issuer = System.getenv().getOrDefault("ASCENT_JWT_ISSUER", "ascent-dev");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer.isBlank() ? "ascent-dev" : issuer);
        claims.put("sub", email);
        claims.put("email", email);
        claims.put("groups", List.of(role));
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"ascent-dev\"}"
                .getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(Http.JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(devKey);
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(signature.sign());
    }

    private interface Task<T, R> {
        R apply(T item) throws Exception;
    }

    private static <T, R> List<R> parallel(List<T> items, Task<T, R> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The variable a service reads its management port from, e.g. ASCENT_GROWTH_PLAN_MANAGEMENT_PORT. */
    private static String managementPortVariable(String service) {
        String name = service.equals("gateway") ? "GATEWAY" : service.replace("-service", "").replace('-', '_');
        return "ASCENT_" + name.toUpperCase(java.util.Locale.ROOT) + "_MANAGEMENT_PORT";
    }

    /** Whether {@code /q/health/ready} on this loopback port answers 200. */
    private static boolean ready(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready").toURL()
                    .openConnection();
            c.setConnectTimeout(200);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; run the benchmark with ./ascent bench");
        }
        return value;
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
