package org.ecoplan.store.sql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.ecoplan.catalog.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;

class SqlFailureTest {
    @Test
    void aDatabaseThatCannotBeReachedIsUnavailable() {
        assertInstanceOf(StoreUnavailableException.class, SqlFailure.of("x", new SQLException("refused", "08001")));
        assertInstanceOf(StoreUnavailableException.class,
                SqlFailure.of("x", new SQLException("terminating connection due to administrator command", "57P01")));
        assertInstanceOf(StoreUnavailableException.class,
                SqlFailure.of("x", new SQLTransientConnectionException("pool timed out")));
        // a pool's timeout wrapping the driver's refusal
        assertTrue(SqlFailure.unreachable(new SQLException("wrapped", null, new SQLException("io", "08006"))));
    }

    @Test
    void aFailingStatementIsNot() {
        assertFalse(SqlFailure.of("x", new SQLException("syntax", "42601")) instanceof StoreUnavailableException);
        assertFalse(SqlFailure.of("x", new SQLException("canceled", "57014")) instanceof StoreUnavailableException);
        assertFalse(SqlFailure.of("x", new SQLException("no state")) instanceof StoreUnavailableException);
    }
}
