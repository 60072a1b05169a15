/** The DescribeLayer operation (SLD 1.1 profile of WMS, OGC 05-078r4 clause 10.3; SLD 1.0 for WMS 1.1.1). */
package org.ecoplan.wms.describelayer;
