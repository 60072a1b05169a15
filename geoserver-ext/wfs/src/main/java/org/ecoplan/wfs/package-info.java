/**
 * The Web Feature Service (OGC 09-025r2 WFS 2.0.0, with 1.1.0 and 1.0.0): request records and
 * their KVP / XML readers, one class per operation (GetCapabilities, DescribeFeatureType,
 * GetFeature, GetPropertyValue, stored queries), and the GetFeature output formats
 * ({@link org.ecoplan.wfs.FeatureCollectionFormat}, one class each, found with ServiceLoader).
 * Feature types are published in the namespace of their workspace (prefix = workspace name, URI
 * from its workspace file). Read-only: Transaction and locking are OperationNotSupported.
 */
package org.ecoplan.wfs;
