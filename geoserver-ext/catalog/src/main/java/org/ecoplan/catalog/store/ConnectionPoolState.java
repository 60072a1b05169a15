package org.ecoplan.catalog.store;

/**
 * A snapshot of a store's connection pool, for monitoring: connections lent to readers, idle in
 * the pool, the threads waiting for one, and the pool's maximum size.
 */
public record ConnectionPoolState(int active, int idle, int waiting, int maximum) {}
