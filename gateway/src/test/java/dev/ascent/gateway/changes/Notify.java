package dev.ascent.gateway.changes;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Says what the services' triggers say on a commit, and waits until the gateway has heard it. */
public final class Notify {

    private Notify() {
    }

    /** {@code payload}: comma-separated person ids, or {@code *} for everyone. */
    public static void changed(AgroalDataSource database, PeopleChanges changes, String payload) {
        listening(changes);
        send(database, payload);
        changes.caughtUp().await().indefinitely();
    }

    /**
     * Once the gateway listens (its listener connects as the application starts, and a test may begin
     * first), with every notification sent before this call applied (the application's own start-up
     * says everyone changed, and that must not land in the middle of a test).
     */
    public static void listening(PeopleChanges changes) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!changes.listening()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway is not listening for changes");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        changes.caughtUp().await().indefinitely();
    }

    static void send(AgroalDataSource database, String payload) {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, PeopleChanges.CHANNEL);
            s.setString(2, payload);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
