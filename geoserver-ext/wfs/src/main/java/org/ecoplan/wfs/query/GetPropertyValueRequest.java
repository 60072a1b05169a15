package org.ecoplan.wfs.query;

/**
 * A GetPropertyValue request (WFS 2.0 clause 10.2): a one-query GetFeature and the property whose
 * values are returned (a schema property name, never evaluated as XPath).
 */
record GetPropertyValueRequest(GetFeatureRequest query, String property) {}
