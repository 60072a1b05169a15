package org.ecoplan.wms;

import java.util.List;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.ows.ServiceException;

/**
 * The CRS (1.3.0) or SRS (1.1.1) parameter of GetMap and GetFeatureInfo, checked against the CRSs
 * the endpoint offers (its workspace's list, or at the global endpoints every list).
 */
public final class SupportedCrs {

    private SupportedCrs() {}

    /**
     * Decodes the CRS (1.3.0) or SRS (1.1.1) parameter; a name that cannot be decoded or is not
     * offered is InvalidCRS / InvalidSRS with the parameter as locator.
     */
    public static CrsName require(String text, WmsVersion version, List<String> offered) {
        String param = version.crsParam();
        if (text == null || text.isBlank()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, param, "Missing parameter " + param);
        }
        CrsName name = CrsRegistry.parse(text).orElseThrow(() -> invalid(text, version, offered));
        if (!offered.contains(name.crs().id())) throw invalid(text, version, offered);
        return name;
    }

    private static ServiceException invalid(String text, WmsVersion version, List<String> offered) {
        return new ServiceException(version.invalidCrsCode(), version.crsParam(),
                version.crsParam() + " '" + text + "' is not offered by this service; offered: "
                        + String.join(", ", offered));
    }
}
