package org.ecoplan.wfs.format;

import java.util.List;
import org.ecoplan.ows.encode.GmlVersion;
import org.ecoplan.wfs.WfsVersion;

/** GML 3.1.1 in a WFS 1.1 feature collection: the WFS 1.1 default output format (04-094 clause 9.2). */
public final class Gml311Format extends GmlFormat {
    public Gml311Format() { super(GmlVersion.GML311); }

    @Override
    public List<String> names() {
        return List.of("text/xml; subtype=gml/3.1.1", "gml3", "application/gml+xml; version=3.1");
    }

    @Override
    public boolean offeredIn(WfsVersion version) { return version != WfsVersion.V100; }
}
