package org.ecoplan.wfs.query;

import java.util.List;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.wfs.WfsExceptions;

/**
 * The srsName of a GetFeature request (WFS 2.0 clause 7.9.2.4.4): it must be one of the CRSs the
 * capabilities offer for the type (DefaultCRS / OtherCRS), else InvalidParameterValue.
 */
final class OutputCrs {
    private OutputCrs() {}

    static CrsName parse(String srsName, List<LayerConfig> layers, Catalog catalog) {
        if (srsName == null || srsName.isBlank()) return null;
        CrsName name = CrsRegistry.parse(srsName).orElseThrow(() -> WfsExceptions.invalid("srsName",
                "Unknown or unsupported srsName '" + srsName + "'"));
        for (LayerConfig l : layers) {
            if (!l.featureType().hasGeometry()) continue;
            Crs nativeCrs = l.featureType().geometry().crs();
            if (name.crs().equals(nativeCrs)) continue;
            List<String> offered = catalog.workspaceOf(l.workspace()).services().crs();
            if (offered.stream().map(CrsRegistry::require).noneMatch(name.crs()::equals)) {
                throw WfsExceptions.invalid("srsName", "srsName '" + srsName + "' is not offered for " + l.id()
                        + " (offered: " + nativeCrs.urn() + " and " + offered + ")");
            }
        }
        return name;
    }
}
