/**
 * The Web Map Service 1.3.0 / 1.1.1: request records and KVP readers, the operations
 * (GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic), image and feature-info encoders
 * and the WMS exception formats (XML, INIMAGE, BLANK).
 */
package org.ecoplan.wms;
