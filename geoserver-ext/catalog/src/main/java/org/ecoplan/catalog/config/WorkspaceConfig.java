package org.ecoplan.catalog.config;

/**
 * A workspace, GeoServer's unit of publication, read from {@code layers/<name>/workspace.yaml}:
 * the layers, groups, stores ({@code layers/<name>/}) and styles ({@code styles/<name>/}) of one
 * plan, published under one XML namespace and one identity. Served at {@code /<name>/wms},
 * {@code /<name>/wfs}, ... with unqualified names, and at the global endpoints as
 * {@code <name>:<layer>}.
 *
 * @param name         the workspace name: URL segment and namespace prefix (GeoServer makes them one)
 * @param namespaceUri the XML namespace of its feature types
 * @param services     the identity its services publish, and its CRS list
 * @param viewerGroup  the layer group the plan viewer opens with, or null for the first group
 * @param planPeriod   the years the plan covers, or null where the workspace states none
 * @param planCheck    the layers the plan check for a site overlays, or null where it offers none
 */
public record WorkspaceConfig(String name, String namespaceUri, ServicesConfig services, String viewerGroup,
        PlanPeriod planPeriod, PlanCheckConfig planCheck, Location location) {
    /** A workspace without a plan check. */
    public WorkspaceConfig(String name, String namespaceUri, ServicesConfig services, String viewerGroup,
            PlanPeriod planPeriod, Location location) {
        this(name, namespaceUri, services, viewerGroup, planPeriod, null, location);
    }

    /** The namespace prefix of its feature types: the workspace name. */
    public String prefix() { return name; }
}
