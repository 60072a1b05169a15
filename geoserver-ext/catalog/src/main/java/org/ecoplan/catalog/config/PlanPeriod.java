package org.ecoplan.catalog.config;

/**
 * The period a plan covers, in whole years as plans state it (规划期 2021—2035年), from a
 * workspace's {@code planPeriod: {start: 2021, end: 2035}}. Served as the temporal extent of the
 * plan's collections (OGC API – Features, OGC 17-069r4 clause 7.14 extent.temporal).
 */
public record PlanPeriod(int startYear, int endYear) {
    /** The first instant of the period, RFC 3339 (UTC; the plan gives years, not time zones). */
    public String start() {
        return startYear + "-01-01T00:00:00Z";
    }

    /** The last second of the period, RFC 3339. */
    public String end() {
        return endYear + "-12-31T23:59:59Z";
    }
}
