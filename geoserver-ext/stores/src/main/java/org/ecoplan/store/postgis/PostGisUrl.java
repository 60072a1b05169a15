package org.ecoplan.store.postgis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.store.sql.SqlNames;

/**
 * A PostgreSQL JDBC URL as a store location: the schema from its currentSchema parameter
 * ("public" when absent), and a form without credentials for messages and logs.
 */
record PostGisUrl(String url, String schema) {
    static final String PREFIX = "jdbc:postgresql:";

    static PostGisUrl parse(String url) {
        if (url == null || !url.startsWith(PREFIX)) throw new StoreException("not a PostgreSQL JDBC URL: " + url);
        String schema = "public";
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String kv : url.substring(q + 1).split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0 && kv.substring(0, eq).equals("currentSchema")) {
                    schema = URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        if (schema.contains(",")) schema = schema.substring(0, schema.indexOf(','));
        SqlNames.check(schema);
        return new PostGisUrl(url, schema);
    }

    String withoutCredentials() {
        int q = url.indexOf('?');
        if (q < 0) return url;
        StringBuilder sb = new StringBuilder(url.substring(0, q));
        char sep = '?';
        for (String kv : url.substring(q + 1).split("&")) {
            if (kv.startsWith("password=") || kv.startsWith("user=")) continue;
            sb.append(sep).append(kv);
            sep = '&';
        }
        return sb.toString();
    }
}
