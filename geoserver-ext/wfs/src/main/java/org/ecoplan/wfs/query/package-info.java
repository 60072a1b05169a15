/** The query operations: GetFeature (WFS 2.0 clause 11), GetPropertyValue (clause 10) and the stored queries (clause 14), with their KVP and XML readers. */
package org.ecoplan.wfs.query;
