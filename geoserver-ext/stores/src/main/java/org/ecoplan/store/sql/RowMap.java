package org.ecoplan.store.sql;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The attribute values of one row as a read-only map in column order: the names are shared by
 * every row of a query, the values are one array. A hash map per row cost more than reading the
 * row; a feature has a handful of attributes, which a scan finds faster than hashing.
 */
final class RowMap extends AbstractMap<String, Object> {
    private final String[] names;
    private final Object[] values;

    RowMap(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < names.length; i++) if (names[i] == key) return i;
        for (int i = 0; i < names.length; i++) if (names[i].equals(key)) return i;
        return -1;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) { return indexOf(key) >= 0; }

    @Override
    public int size() { return names.length; }

    /** The values of the given names only, in the order given (each must be one of this row's names). */
    RowMap project(String[] kept) {
        Object[] v = new Object[kept.length];
        for (int i = 0; i < kept.length; i++) v[i] = get(kept[i]);
        return new RowMap(kept, v);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() { return names.length; }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() { return next < names.length; }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= names.length) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }
        };
    }
}
