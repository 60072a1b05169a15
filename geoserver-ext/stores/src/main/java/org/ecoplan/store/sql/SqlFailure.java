package org.ecoplan.store.sql;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.catalog.store.StoreUnavailableException;

/**
 * Turns a JDBC failure into the store's exception, telling a database that cannot be reached
 * (SQLSTATE class 08 "connection exception", 57P01–57P03 "admin shutdown / crash shutdown / cannot
 * connect now", a pool that timed out waiting for a connection) from a failing statement, so the
 * service answers the first with 503 and a retry hint and logs the second as a fault.
 */
public final class SqlFailure {
    private SqlFailure() {}

    public static StoreException of(String message, SQLException e) {
        return unreachable(e) ? new StoreUnavailableException(message, e) : new StoreException(message, e);
    }

    /**
     * Whether the statement failed because a table it reads changed under a plan the server kept for
     * it (PostgreSQL's "cached plan must not change result type", SQLSTATE 0A000): the driver then
     * drops the statement, and running it again succeeds.
     */
    static boolean stalePlan(SQLException e) {
        return "0A000".equals(e.getSQLState());
    }

    static boolean unreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
