package org.ecoplan.wfs.format;

import java.util.List;
import org.ecoplan.ows.encode.GmlVersion;

/** GML 2.1.2 in a WFS 1.0 feature collection: the WFS 1.0 output format "GML2" (02-058 clause 9.2). */
public final class Gml2Format extends GmlFormat {
    public Gml2Format() { super(GmlVersion.GML2); }

    @Override
    public List<String> names() {
        return List.of("GML2", "text/xml; subtype=gml/2.1.2", "gml2");
    }
}
