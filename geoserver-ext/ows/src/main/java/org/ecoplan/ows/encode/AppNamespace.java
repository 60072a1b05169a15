package org.ecoplan.ows.encode;

import org.ecoplan.catalog.config.WorkspaceConfig;

/**
 * The XML namespace of an application schema: a workspace's feature types are published in it, the
 * prefix being the workspace name ({@code plan:restoration_zones}), as GeoServer makes them one.
 */
public record AppNamespace(String prefix, String uri) {
    public static AppNamespace of(WorkspaceConfig workspace) {
        return new AppNamespace(workspace.prefix(), workspace.namespaceUri());
    }
}
