package org.ecoplan.store.sql;

import java.util.regex.Pattern;
import org.ecoplan.catalog.store.StoreException;

/**
 * SQL identifiers of layer tables and columns. Names come from configuration, never from requests,
 * but are still restricted to plain ASCII words so quoting is always safe in SQLite and PostgreSQL.
 */
public final class SqlNames {
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private SqlNames() {}

    /** The name itself if it is a plain word. */
    public static String check(String name) {
        if (name == null || !WORD.matcher(name).matches()) {
            throw new StoreException("invalid table or column name '" + name + "' (letters, digits and _ only)");
        }
        return name;
    }

    public static String quote(String name) {
        return '"' + check(name) + '"';
    }
}
