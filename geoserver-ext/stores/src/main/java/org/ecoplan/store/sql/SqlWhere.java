package org.ecoplan.store.sql;

import java.util.List;
import org.ecoplan.catalog.query.Filter;

/**
 * A filter translated to SQL: the WHERE condition with its bound parameters, and the part the
 * database cannot test, which the store applies in Java ({@link Filter#INCLUDE} when none).
 */
public record SqlWhere(String sql, List<Object> params, Filter residual) {
    public SqlWhere {
        params = List.copyOf(params);
    }

    public boolean hasResidual() {
        return !(residual instanceof Filter.Include);
    }
}
