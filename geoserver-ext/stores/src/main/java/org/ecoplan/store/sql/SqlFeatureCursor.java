package org.ecoplan.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.NoSuchElementException;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.query.QueryTimeoutException;
import org.ecoplan.catalog.store.FeatureCursor;

/**
 * A {@link FeatureCursor} over an open JDBC result set, reading one row at a time. When part of
 * the filter is tested in Java, that test, the offset and the limit are applied here while
 * streaming, so a page never needs more than one row in memory.
 */
final class SqlFeatureCursor implements FeatureCursor {
    /** Turns the current row into a feature, and decides whether it passes the Java residual. */
    interface RowReader {
        /** The row as a feature if it matches, else null. */
        Feature read(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Statement statement;
    private final ResultSet rs;
    private final RowReader reader;
    private final String what;
    private final AutoCloseable undoTimeLimit;
    private final long deadlineNanos;
    private long toSkip;
    private long remaining;
    private Feature next;
    private boolean closed;

    SqlFeatureCursor(Connection connection, Statement statement, ResultSet rs, RowReader reader,
            long skip, long limit, String what, AutoCloseable undoTimeLimit, long deadlineNanos) {
        this.undoTimeLimit = undoTimeLimit;
        this.deadlineNanos = deadlineNanos;
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
        this.reader = reader;
        this.toSkip = skip;
        this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
        this.what = what;
    }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        if (closed) return false;
        try {
            while (remaining > 0 && rs.next()) {
                // rows skipped by a Java-side filter or an offset cost time too: the deadline holds per row
                if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) throw timeout();
                Feature f = reader.read(rs);
                if (f == null) continue;
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                remaining--;
                next = f;
                return true;
            }
        } catch (SQLException e) {
            close();
            if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) throw timeout();
            throw SqlFailure.of("reading " + what + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        close();
        return false;
    }

    @Override
    public Feature next() {
        if (!hasNext()) throw new NoSuchElementException();
        Feature f = next;
        next = null;
        return f;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        SqlClose.quietly(rs, statement);
        try {
            undoTimeLimit.close();
        } catch (Exception e) {
            // the connection is closed next in any case
        }
        SqlClose.quietly(connection);
    }

    private QueryTimeoutException timeout() {
        close();
        return new QueryTimeoutException("reading " + what + " passed the request's deadline");
    }
}
