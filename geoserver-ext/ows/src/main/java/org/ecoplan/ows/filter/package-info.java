/**
 * Filters as WFS and WMS requests carry them: FES 2.0 / Filter 1.1 spatial and temporal
 * operators (plugged into the catalog's filter XML parser), the KVP FILTER, BBOX and RESOURCEID
 * parameters (WFS 2.0 clause 7.9.2.4, FES 2.0 clause 5.3) and CQL_FILTER (an ECQL subset). Every
 * parser produces the catalog {@link org.ecoplan.catalog.query.Filter} model in the layer's native
 * CRS; nothing here builds SQL.
 */
package org.ecoplan.ows.filter;
