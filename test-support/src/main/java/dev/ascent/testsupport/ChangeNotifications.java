package dev.ascent.testsupport;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Listens on the channel the services' triggers tell whose answers changed ({@code ascent_people_changed}),
 * so a test can see what a write said: open it before the write, then {@link #heard()}.
 */
public final class ChangeNotifications implements AutoCloseable {

    public static final String CHANNEL = "ascent_people_changed";

    private final Connection connection;

    private ChangeNotifications(Connection connection) {
        this.connection = connection;
    }

    public static ChangeNotifications listen(DataSource database) {
        try {
            Connection c = database.getConnection();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
            }
            return new ChangeNotifications(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What was said since the last call: whose answers changed, and whether everyone's did. */
    public record Heard(Set<UUID> people, boolean everyone) {
        public boolean concerns(UUID person) {
            return everyone || people.contains(person);
        }
    }

    /**
     * Everything said so far. A notification is delivered at its transaction's commit, and a service
     * answers a write after committing it, so what a write said is here once its answer came; the wait
     * only catches a notification still on its way over the socket.
     */
    public Heard heard() {
        Set<UUID> people = new HashSet<>();
        boolean everyone = false;
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            List<PGNotification> all = new ArrayList<>();
            PGNotification[] batch = pg.getNotifications(200);
            while (batch != null && batch.length > 0) {
                all.addAll(List.of(batch));
                batch = pg.getNotifications(50);
            }
            for (PGNotification n : all) {
                if (n.getParameter().equals("*")) {
                    everyone = true;
                } else {
                    for (String id : n.getParameter().split(",")) {
                        people.add(UUID.fromString(id));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Heard(people, everyone);
    }

    @Override
    public void close() {
        try (Statement s = connection.createStatement()) {
            // A pooled connection goes back to its pool: it must not go on listening there.
            s.execute("UNLISTEN *");
            connection.close();
        } catch (SQLException ignored) {
            // the test is over
        }
    }
}
