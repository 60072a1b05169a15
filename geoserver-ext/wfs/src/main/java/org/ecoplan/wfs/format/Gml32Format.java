package org.ecoplan.wfs.format;

import java.util.List;
import org.ecoplan.ows.encode.GmlVersion;
import org.ecoplan.wfs.WfsVersion;

/** GML 3.2.1 in a WFS 2.0 feature collection: the WFS 2.0 default output format (09-025r2 clause 11.2.4). */
public final class Gml32Format extends GmlFormat {
    public Gml32Format() { super(GmlVersion.GML32); }

    @Override
    public List<String> names() {
        return List.of("application/gml+xml; version=3.2", "text/xml; subtype=gml/3.2", "application/gml+xml",
                "gml32", "text/xml; subtype=gml/3.2.1");
    }

    @Override
    public boolean offeredIn(WfsVersion version) { return version == WfsVersion.V200; }
}
