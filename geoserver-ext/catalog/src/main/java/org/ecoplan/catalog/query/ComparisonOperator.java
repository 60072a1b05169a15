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

    /** The operator with its operands swapped ({@code 10 < x} is {@code x > 10}). */
    public ComparisonOperator converse() {
        return switch (this) {
            case LESS -> GREATER;
            case GREATER -> LESS;
            case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
            case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
            default -> this;
        };
    }

    /** The operator a filter language writes as {@code symbol} ({@code "!="} too), if any. */
    public static java.util.Optional<ComparisonOperator> bySymbol(String symbol) {
        if ("!=".equals(symbol)) return java.util.Optional.of(NOT_EQUAL);
        for (ComparisonOperator op : values()) if (op.sql.equals(symbol)) return java.util.Optional.of(op);
        return java.util.Optional.empty();
    }
}
