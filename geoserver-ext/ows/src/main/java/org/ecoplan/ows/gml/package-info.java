/**
 * Reading GML 2.1.2, 3.1.1 and 3.2.1 geometries (as they appear in filters and transactions) into
 * JTS geometries, with the srsName and axis order honoured.
 */
package org.ecoplan.ows.gml;
