/** The GetFeature output formats (WFS 2.0 clause 11.2.4 outputFormat): GML 3.2, 3.1.1 and 2, GeoJSON and CSV, each a ResponseEncoder registered with ServiceLoader. */
package org.ecoplan.wfs.format;
