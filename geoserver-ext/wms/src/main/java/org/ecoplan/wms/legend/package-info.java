/** The GetLegendGraphic operation (SLD 1.1 profile of WMS, OGC 05-078r4 clause 10.2). */
package org.ecoplan.wms.legend;
