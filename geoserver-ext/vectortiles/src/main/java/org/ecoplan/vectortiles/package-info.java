/**
 * Mapbox Vector Tiles (specification 2.1) of the catalog's layers and layer groups at
 * {@code /vtiles}, on the WebMercatorQuad and CGCS2000Quad grids, with TileJSON 3.0.0.
 */
package org.ecoplan.vectortiles;
