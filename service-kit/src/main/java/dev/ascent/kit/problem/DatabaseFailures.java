package dev.ascent.kit.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Reads a failure's causes for what PostgreSQL said: that it cannot be reached (a 503 the client may
 * retry) or that it refuses a value the request carried (a 400). SQLSTATE classes per PostgreSQL's
 * "Error Codes" appendix.
 */
final class DatabaseFailures {

    /** Connection exceptions (class 08), shutdown and start-up (57P01-57P03), too many connections. */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseFailures() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || OUTAGE_STATES.contains(state))) {
                    return true;
                }
                // Agroal's pool gives up waiting for a connection it cannot open.
                if (state == null && String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What to tell the client when PostgreSQL refused a value it sent; null when it did not. */
    static String refusedValue(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "22021", "22P05" -> {
                        return "The request holds text that cannot be stored (such as the NUL character)";
                    }
                    case "22007", "22008" -> {
                        return "The request holds a date or time outside the range that can be stored";
                    }
                    case "22003" -> {
                        return "The request holds a number outside the range that can be stored";
                    }
                    case "54000" -> {
                        return "The request holds a value too large to store";
                    }
                    default -> {
                    }
                }
            }
        }
        return null;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
