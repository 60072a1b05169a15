/** The GetFeatureInfo operation (WMS 1.3.0 clause 7.4, WMS 1.1.1 clause 7.3): reading the request and answering with the map core's hit test and the registered feature info formats. */
package org.ecoplan.wms.featureinfo;
