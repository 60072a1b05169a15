package org.ecoplan.ows.filter;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.ows.ServiceException;

/**
 * The KVP {@code RESOURCEID} parameter (FES 2.0 clause 5.3 / 7.11, WFS 2.0 clause 7.9.2.4.1): a
 * comma-separated list of feature identifiers ("layer.fid"). Identifiers of other types simply
 * match nothing in a type, so one list serves every type name of the query.
 */
public final class ResourceIdParameter {
    public static final String NAME = "RESOURCEID";
    /** More identifiers than this in one request is not a lookup any more. */
    public static final int MAX_IDS = 10_000;

    private ResourceIdParameter() {}

    /** @throws ServiceException InvalidParameterValue, locator RESOURCEID, for empty items */
    public static Filter.ResourceId parse(String value) {
        if (value == null || value.isBlank()) throw invalid("RESOURCEID is empty");
        String[] parts = value.split(",", -1);
        if (parts.length > MAX_IDS) throw invalid("more than " + MAX_IDS + " identifiers");
        List<String> ids = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String id = parts[i].trim();
            if (id.isEmpty()) throw invalid("identifier " + (i + 1) + " is empty");
            ids.add(id);
        }
        return new Filter.ResourceId(ids);
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, NAME, "RESOURCEID: " + message);
    }
}
