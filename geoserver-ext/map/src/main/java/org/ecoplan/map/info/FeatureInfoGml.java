package org.ecoplan.map.info;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.ows.encode.AppNamespace;
import org.ecoplan.ows.encode.CoordinatePrecision;
import org.ecoplan.ows.encode.FeatureStream;
import org.ecoplan.ows.encode.GmlFeatureWriter;
import org.ecoplan.ows.encode.GmlGeometryWriter;
import org.ecoplan.ows.encode.GmlVersion;

/**
 * GetFeatureInfo as GML: a {@code wfs:FeatureCollection} of {@code gml:featureMember}s, GML 2.1.2
 * for application/vnd.ogc.gml (x/y coordinates, "EPSG:n" srsName) or GML 3.1.1 for
 * application/vnd.ogc.gml/3.1.1 and text/xml (URN srsName, authority axis order), features
 * written by the shared WFS feature writer.
 */
final class FeatureInfoGml {
    private static final String WFS = "http://www.opengis.net/wfs";

    private FeatureInfoGml() {}

    static void write(List<LayerHits> hits, OutputStream out, boolean gml3) throws IOException {
        GmlVersion version = gml3 ? GmlVersion.GML311 : GmlVersion.GML2;
        AppNamespace ns = AppNamespace.YANGGAO;
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("wfs", "FeatureCollection", WFS);
            w.writeNamespace("wfs", WFS);
            w.writeNamespace("gml", version.namespace());
            w.writeNamespace(ns.prefix(), ns.uri());
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            for (LayerHits h : hits) {
                Crs crs = h.crs();
                AxisOrder order = gml3 ? crs.authorityOrder() : AxisOrder.EAST_NORTH;
                String srsName = gml3 ? crs.urn() : (crs.isCrs84() ? "EPSG:4326" : crs.id());
                GmlFeatureWriter features = new GmlFeatureWriter(version, ns,
                        new GmlGeometryWriter(version, order, CoordinatePrecision.forCrs(crs)), srsName);
                FeatureStream shape = FeatureStream.all(h.layer().featureType(), h.features().iterator());
                for (Feature f : h.features()) {
                    w.writeStartElement("gml", "featureMember", version.namespace());
                    features.write(w, f, shape);
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write GML: " + e.getMessage(), e);
        }
    }
}
