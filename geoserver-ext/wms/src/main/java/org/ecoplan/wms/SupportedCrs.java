package org.ecoplan.wms;

import java.util.List;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.ows.ServiceException;

/**
 * The coordinate reference systems every layer of this WMS is offered in (the root Layer's CRS
 * list, inherited by every layer per WMS 1.3.0 clause 7.2.4.6.7): CGCS2000 geographic, WGS 84
 * (EPSG and CRS:84 forms), Web Mercator and the two CGCS2000 Gauss–Krüger CRSs used for Yanggao.
 */
public final class SupportedCrs {
    public static final List<String> CODES = List.of("EPSG:4490", "EPSG:4326", "CRS:84", "EPSG:3857", "EPSG:4547",
            "EPSG:4526");

    private SupportedCrs() {}

    /**
     * Decodes the CRS (1.3.0) or SRS (1.1.1) parameter; a name that cannot be decoded or is not
     * offered is InvalidCRS / InvalidSRS with the parameter as locator.
     */
    public static CrsName require(String text, WmsVersion version) {
        String param = version.crsParam();
        if (text == null || text.isBlank()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, param, "Missing parameter " + param);
        }
        CrsName name = CrsRegistry.parse(text).orElseThrow(() -> invalid(text, version));
        if (!CODES.contains(name.crs().id())) throw invalid(text, version);
        return name;
    }

    private static ServiceException invalid(String text, WmsVersion version) {
        return new ServiceException(version.invalidCrsCode(), version.crsParam(),
                version.crsParam() + " '" + text + "' is not offered by this service; offered: "
                        + String.join(", ", CODES));
    }
}
