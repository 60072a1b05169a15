package org.ecoplan.ows;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared objects of a running server, by type: built once at start-up, in dependency order,
 * and handed to the services through {@link ServiceContext#component}, so no module keeps a
 * static registry of its own.
 */
public final class Components {
    private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();

    /** Registers the one object of a type; a second registration of the same type is a programming error. */
    public <T> T register(Class<T> type, T component) {
        if (byType.putIfAbsent(type, component) != null) {
            throw new IllegalStateException(type.getSimpleName() + " is registered already");
        }
        return component;
    }

    public <T> T get(Class<T> type) {
        Object c = byType.get(type);
        if (c == null) throw new IllegalStateException("no " + type.getSimpleName() + " was built at start-up");
        return type.cast(c);
    }
}
