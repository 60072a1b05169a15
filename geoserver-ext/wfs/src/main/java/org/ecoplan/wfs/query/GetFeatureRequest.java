package org.ecoplan.wfs.query;

import java.util.List;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.wfs.WfsVersion;

/**
 * A GetFeature request (WFS 2.0 clause 11.2), decoded from KVP or XML.
 *
 * @param version        protocol version
 * @param queries        the queries, in order (one per type name)
 * @param srsName        the CRS the client asked the geometries in, or null for the native CRS
 * @param count          maximum features asked for, or -1 when not given
 * @param startIndex     features to skip (result paging, clause 7.7.4.4)
 * @param hits           resultType=hits
 * @param outputFormat   the outputFormat value, or null
 * @param featureById    identifier for the GetFeatureById stored query (bare feature response), or null
 * @param linkParameters the KVP parameters of the request (for XML requests their KVP equivalent,
 *                       {@link XmlQueryLinks}), for next/previous links; null where there is none
 */
public record GetFeatureRequest(WfsVersion version, List<Query> queries, CrsName srsName, long count, long startIndex,
        boolean hits, String outputFormat, String featureById,
        java.util.Map<String, String> linkParameters) {
    public GetFeatureRequest {
        queries = List.copyOf(queries);
    }
}
