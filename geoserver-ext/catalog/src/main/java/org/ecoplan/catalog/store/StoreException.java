package org.ecoplan.catalog.store;

/** A store that cannot be opened, read or written; the message says which store and table. */
public class StoreException extends RuntimeException {
    public StoreException(String message) { super(message); }

    public StoreException(String message, Throwable cause) { super(message, cause); }
}
