package org.ecoplan.wms.capabilities;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.wms.WmsExceptionCode;
import org.ecoplan.wms.WmsVersion;

/**
 * The GetCapabilities operation (WMS 1.3.0 clause 7.2, WMS 1.1.1 clause 7.1), with the
 * UPDATESEQUENCE rules of 1.3.0 clause 7.2.3.5 (Table 6): equal to the current value is
 * CurrentUpdateSequence, greater is InvalidUpdateSequence, lower or absent returns the document.
 */
public final class GetCapabilities {
    private final ServiceContext context;
    private final CapabilitiesWriter writer;

    public GetCapabilities(ServiceContext context, CapabilitiesWriter writer) {
        this.context = context;
        this.writer = writer;
    }

    public OwsResponse run(CatalogView view, KvpMap params, WmsVersion version, String serviceUrl) {
        String current = context.updateSequence();
        String asked = params.value("UPDATESEQUENCE");
        if (asked != null && !asked.isBlank()) {
            int c = compare(asked.trim(), current);
            if (c == 0) {
                throw new ServiceException(WmsExceptionCode.CURRENT_UPDATE_SEQUENCE, "UPDATESEQUENCE",
                        "The capabilities have not changed since update sequence " + current);
            }
            if (c > 0) {
                throw new ServiceException(WmsExceptionCode.INVALID_UPDATE_SEQUENCE, "UPDATESEQUENCE",
                        "UPDATESEQUENCE " + asked + " is newer than the current " + current);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        writer.write(out, view, version, serviceUrl, current, context.settings().maxImageWidth(),
                context.settings().maxImageHeight());
        String type = version == WmsVersion.V_1_3_0
                ? "text/xml; charset=UTF-8"
                : "application/vnd.ogc.wms_xml; charset=UTF-8";
        return OwsResponse.bytes(200, type, out.toByteArray());
    }

    /**
     * Numeric comparison when both are numbers (clients may write a large sequence number in
     * exponent form, "8.8E13"), else text order.
     */
    static int compare(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
