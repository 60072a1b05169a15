package org.ecoplan.wfs.query;

import java.util.List;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.SortBy;
import org.ecoplan.ows.ServiceException;

/**
 * One wfs:Query of a GetFeature request (WFS 2.0 clause 7.9.2): a feature type and what to select
 * from it. Property names, filter and sort keys are already checked against the type's schema.
 *
 * @param layer         the feature type's layer
 * @param propertyNames attributes to return (required ones included), or null for all
 * @param withGeometry  whether the geometry property is returned
 * @param filter        the selection, in the layer's native CRS
 * @param sortBy        sort keys
 */
public record Query(LayerConfig layer, List<String> propertyNames, boolean withGeometry, Filter filter,
        List<SortBy> sortBy) {
    public Query {
        propertyNames = propertyNames == null ? null : List.copyOf(propertyNames);
        sortBy = List.copyOf(sortBy);
        filter = filter == null ? Filter.INCLUDE : filter;
    }

    /** The most queries one GetFeature may carry, as WMS limits the layers of one map. */
    public static final int MAX_PER_REQUEST = 50;

    /** A request with more queries than {@link #MAX_PER_REQUEST} is refused before any is resolved. */
    static void checkCount(int queries, String locator) {
        if (queries > MAX_PER_REQUEST) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, locator,
                    "The request holds " + queries + " queries; the limit is " + MAX_PER_REQUEST);
        }
    }
}
