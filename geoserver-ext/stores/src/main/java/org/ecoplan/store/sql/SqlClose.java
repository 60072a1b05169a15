package org.ecoplan.store.sql;

import java.sql.Connection;

/** Releases JDBC resources after a read, ending the read transaction a streaming cursor opened. */
public final class SqlClose {
    private SqlClose() {}

    public static void quietly(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            if (r == null) continue;
            try {
                if (r instanceof Connection c && !c.isClosed() && !c.getAutoCommit()) c.rollback();
            } catch (Exception ignored) {
                // the connection is closed next anyway
            }
            try {
                r.close();
            } catch (Exception ignored) {
                // nothing useful to do: the result was fully read or abandoned
            }
        }
    }
}
