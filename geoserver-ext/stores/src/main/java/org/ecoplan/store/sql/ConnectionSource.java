package org.ecoplan.store.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out a connection for one read call; the caller closes it. */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
