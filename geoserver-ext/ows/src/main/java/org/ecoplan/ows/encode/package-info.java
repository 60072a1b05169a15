/**
 * Feature encoders shared by every service (WFS GetFeature, WMS GetFeatureInfo, OGC API
 * Features): GeoJSON (RFC 7946), GML 3.2 / 3.1.1 / 2 and CSV. Each streams features from a
 * {@link org.ecoplan.catalog.store.FeatureCursor} without collecting them.
 */
package org.ecoplan.ows.encode;
