/** The GetCapabilities operation (WMS 1.3.0 clause 7.2, WMS 1.1.1 clause 7.1) and the layer metadata pages its MetadataURLs point at. */
package org.ecoplan.wms.capabilities;
