package org.ecoplan.catalog.store;

/**
 * The key under which the server keeps the id of the request being handled in the SLF4J mapped
 * diagnostic context, so a store can label its database sessions with it (PostgreSQL's
 * {@code application_name}) and a slow query can be traced back to the request and its log lines.
 */
public final class RequestTag {
    public static final String MDC_KEY = "request_id";

    private RequestTag() {}
}
