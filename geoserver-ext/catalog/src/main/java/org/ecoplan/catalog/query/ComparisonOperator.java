package org.ecoplan.catalog.query;

/** Binary comparison operators of OGC Filter Encoding 2.0, clause 7.7. */
public enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS("<"),
    GREATER(">"),
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">=");

    private final String sql;

    ComparisonOperator(String sql) { this.sql = sql; }

    public String sql() { return sql; }
}
