package org.ecoplan.wfs.query;

import java.util.List;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.wfs.WfsExceptions;

/**
 * WFS 2.0 clause 7.9.2.4.1: when a query names its type and selects by resource identifiers,
 * every identifier must be of that type; an identifier of another served type is
 * InvalidParameterValue with locator RESOURCEID. Identifiers that name no served type at all
 * simply match nothing.
 */
final class ResourceIdConsistency {
    private ResourceIdConsistency() {}

    static void check(List<Query> queries, CatalogView catalog) {
        for (Query q : queries) check(q.filter(), q, catalog);
    }

    private static void check(Filter f, Query q, CatalogView catalog) {
        if (f instanceof Filter.ResourceId ids) {
            for (String id : ids.ids()) {
                int dot = id.lastIndexOf('.');
                if (dot <= 0) continue;
                String layer = id.substring(0, dot);
                if (!layer.equals(q.layer().id()) && catalog.layer(layer).isPresent()) {
                    throw WfsExceptions.invalid("RESOURCEID", "Resource '" + GetFeatureKvpReader.abbreviate(id)
                            + "' is a " + layer + ", not a " + q.layer().id() + " as the query's type name says");
                }
            }
        } else if (f instanceof Filter.And and) {
            for (Filter c : and.children()) check(c, q, catalog);
        }
    }
}
