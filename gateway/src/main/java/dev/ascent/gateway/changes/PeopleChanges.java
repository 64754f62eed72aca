package dev.ascent.gateway.changes;

import dev.ascent.gateway.GatewayConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whose answers changed, as the services' databases say it: every service's triggers send the ids of the
 * people a committed change concerns on channel {@value #CHANNEL} (or {@code *}, everyone), and this
 * listens on its own connection. {@link KeptAnswers} keeps answers only while this is listening, and
 * never one read across a change it heard of ({@link #mark()}, {@link #unchangedSince}).
 *
 * <p>A notification arrives a moment after its commit. {@link #caughtUp()} closes that gap for a write the
 * gateway relayed: it sends a notification of its own after the write's answer came, and PostgreSQL
 * delivers notifications in commit order, so once its own arrives every earlier one has been applied.
 */
@Singleton
public class PeopleChanges {

    public static final String CHANNEL = "ascent_people_changed";
    private static final Logger LOG = Logger.getLogger(PeopleChanges.class);
    /** Idle this long, the connection is asked a question: a peer that vanished without a word shows then. */
    private static final int IDLE_CHECK_MILLIS = 10_000;
    /** How long {@link #caughtUp()} waits for its own notification before treating everything as changed. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(2);

    /** A point in the sequence of changes heard; {@code at} is when it was taken. */
    public record Mark(long sequence, long at) {
    }

    private final boolean enabled;
    private final String url;
    private final String user;
    private final String password;
    private final AgroalDataSource pool;
    /** This process's own channel for {@link #caughtUp()}: other gateways need not hear it. */
    private final String syncChannel = "ascent_sync_" + UUID.randomUUID().toString().replace("-", "");
    private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Each person's latest change, for as long as a read that began before it could still be storing. */
    private final com.github.benmanes.caffeine.cache.Cache<UUID, Long> changedAt;
    private final Duration retention;
    private volatile long everyoneChangedAt;
    private volatile boolean listening;
    private volatile boolean running = true;
    private volatile Connection connection;
    private Thread thread;

    /** Told of each change as it is heard. */
    public interface Listener {
        void changed(UUID person);

        void everyoneChanged();
    }

    public PeopleChanges(GatewayConfig config, AgroalDataSource pool,
                         @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                         @ConfigProperty(name = "quarkus.datasource.username") String user,
                         @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.enabled = config.keptAnswers().enabled();
        this.pool = pool;
        this.url = url;
        this.user = user;
        this.password = password;
        // Reads end within a service's time limit; a minute covers the longest with room to spare.
        this.retention = Duration.ofMinutes(1);
        this.changedAt = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .expireAfterWrite(retention).build();
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name("people-changes").start(this::listen);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing on the way out
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Whether changes are being heard now; while not, nothing may be kept. */
    public boolean listening() {
        return listening;
    }

    /** Taken before reading what an answer is made of, and handed to {@link #unchangedSince}. */
    public Mark mark() {
        return new Mark(sequence.get(), System.nanoTime());
    }

    /** Whether nothing of {@code person}'s was heard to change since {@code mark}, and changes are still heard. */
    public boolean unchangedSince(UUID person, Mark mark) {
        if (!listening || System.nanoTime() - mark.at() > retention.toNanos()) {
            return false;
        }
        Long changed = changedAt.getIfPresent(person);
        return everyoneChangedAt <= mark.sequence() && (changed == null || changed <= mark.sequence());
    }

    /**
     * Completes once every change committed before this call has been heard and applied; if that cannot
     * be known in time, everything is treated as changed, so it completes all the same.
     */
    public Uni<Void> caughtUp() {
        if (!listening) {
            return Uni.createFrom().voidItem();
        }
        String token = UUID.randomUUID().toString();
        CompletableFuture<Void> heard = new CompletableFuture<>();
        awaited.put(token, heard);
        return Uni.createFrom().item(() -> {
                    try (Connection c = pool.getConnection();
                         PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                        notify.setString(1, syncChannel);
                        notify.setString(2, token);
                        notify.execute();
                        return true;
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not send the catch-up notification", e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(sent -> Uni.createFrom().completionStage(heard))
                .ifNoItem().after(CATCH_UP_LIMIT).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("changes not caught up (%s): everyone's kept answers are dropped", failure.toString());
                    everyoneChanged();
                    return null;
                })
                .eventually(() -> awaited.remove(token))
                .replaceWithVoid();
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                    s.execute("LISTEN " + syncChannel);
                }
                // Whatever changed while nobody listened is unknown: nothing kept before now is trusted.
                everyoneChanged();
                listening = true;
                backoff = 500;
                LOG.debugf("listening on %s", CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heard = pg.getNotifications(IDLE_CHECK_MILLIS);
                    if (heard == null || heard.length == 0) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT 1");
                        }
                        continue;
                    }
                    for (PGNotification notification : heard) {
                        apply(notification.getName(), notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("not hearing changes (%s); kept answers are off until it reconnects", e.toString());
                }
            } finally {
                listening = false;
                connection = null;
                everyoneChanged();
                awaited.values().forEach(f -> f.completeExceptionally(new IllegalStateException("listener lost")));
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "gateway-people-changes");
        properties.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(url, properties);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        c.setAutoCommit(true);
        return c;
    }

    /** One notification: this process's catch-up token, or whose answers changed. */
    void apply(String channel, String payload) {
        if (channel.equals(syncChannel)) {
            CompletableFuture<Void> waiting = awaited.get(payload);
            if (waiting != null) {
                waiting.complete(null);
            }
            return;
        }
        if (payload == null || payload.isBlank() || payload.equals("*")) {
            everyoneChanged();
            return;
        }
        List<UUID> people = new ArrayList<>();
        for (String id : payload.split(",")) {
            try {
                people.add(UUID.fromString(id.trim()));
            } catch (IllegalArgumentException e) {
                // Not the triggers' words: unsure whose, so everyone's.
                LOG.warnf("unreadable change notification %s", payload);
                everyoneChanged();
                return;
            }
        }
        for (UUID person : people) {
            changed(person);
        }
    }

    /** {@code person}'s answers changed: recorded before the listeners drop them, so no read in flight keeps one. */
    void changed(UUID person) {
        changedAt.put(person, sequence.incrementAndGet());
        listeners.forEach(l -> l.changed(person));
    }

    void everyoneChanged() {
        everyoneChangedAt = sequence.incrementAndGet();
        listeners.forEach(Listener::everyoneChanged);
    }
}
