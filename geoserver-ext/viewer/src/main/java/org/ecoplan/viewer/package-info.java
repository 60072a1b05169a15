/** The plan viewer (OpenLayers, bundled at build time) and its catalog-derived configuration, at {@code /viewer}. */
package org.ecoplan.viewer;
