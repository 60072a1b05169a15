/** The GetMap operation (WMS 1.3.0 clause 7.3, WMS 1.1.1 clause 7.2; SLD 1.1 XML GetMap): reading the request, resolving layers and styles, rendering. */
package org.ecoplan.wms.getmap;
