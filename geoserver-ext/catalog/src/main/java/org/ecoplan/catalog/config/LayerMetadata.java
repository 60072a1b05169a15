package org.ecoplan.catalog.config;

/**
 * Provenance of a layer, carried into capabilities (Attribution, MetadataURL, abstract).
 *
 * @param source      where the data comes from, in words
 * @param licence     licence of the geometry and attributes
 * @param attribution the attribution line clients must show
 * @param schematic   whether the geometry is drawn by the project (not surveyed)
 * @param confidence  high | medium | low | very low
 * @param planSection the section of the plan the content comes from
 */
public record LayerMetadata(String source, String licence, String attribution, boolean schematic,
        String confidence, String planSection) {}
