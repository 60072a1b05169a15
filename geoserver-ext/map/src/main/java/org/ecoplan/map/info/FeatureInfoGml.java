package org.ecoplan.map.info;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.ows.encode.CoordinatePrecision;
import org.ecoplan.ows.encode.FeatureStream;
import org.ecoplan.ows.encode.GmlFeatureWriter;
import org.ecoplan.ows.encode.GmlGeometryWriter;
import org.ecoplan.ows.encode.GmlVersion;
import org.ecoplan.ows.encode.XmlDocument;

/**
 * GetFeatureInfo as GML: a {@code wfs:FeatureCollection} of {@code gml:featureMember}s, GML 2.1.2
 * for application/vnd.ogc.gml (x/y coordinates, "EPSG:n" srsName) or GML 3.1.1 for
 * application/vnd.ogc.gml/3.1.1 and text/xml (URN srsName, authority axis order), features
 * written by the shared WFS feature writer.
 */
public abstract class FeatureInfoGml extends FeatureInfoEncoder {
    private static final String WFS = "http://www.opengis.net/wfs";

    private final boolean gml3;

    FeatureInfoGml(List<String> names, boolean gml3) {
        super(names, names.get(0), null);
        this.gml3 = gml3;
    }

    /** Several names select the same encoding, so the answer is labelled with the MIME type the client asked for. */
    @Override
    public String contentType(String requested) {
        return requested != null && requested.contains("/") ? requested : names().get(0);
    }

    @Override
    public void write(FeatureInfo result, OutputStream out) throws IOException {
        write(result.hits(), out, gml3);
    }

    /** GML 2.1.2 (application/vnd.ogc.gml). */
    public static final class Gml2 extends FeatureInfoGml {
        public Gml2() {
            super(List.of("application/vnd.ogc.gml", "gml2", "text/xml;subtype=gml/2.1.2"), false);
        }
    }

    /** GML 3.1.1 (application/vnd.ogc.gml/3.1.1, text/xml). */
    public static final class Gml3 extends FeatureInfoGml {
        public Gml3() {
            super(List.of("text/xml", "application/vnd.ogc.gml/3.1.1", "gml3", "text/xml;subtype=gml/3.1.1"), true);
        }
    }

    static void write(List<LayerHits> hits, OutputStream out, boolean gml3) throws IOException {
        GmlVersion version = gml3 ? GmlVersion.GML311 : GmlVersion.GML2;
        try (XmlDocument x = new XmlDocument(out)) {
            x.root("wfs", "FeatureCollection", WFS, "gml", version.namespace(), "xsi", XmlDocument.XSI);
            x.namespaces(List.copyOf(new LinkedHashSet<>(hits.stream().map(LayerHits::namespace).toList())));
            XMLStreamWriter w = x.raw();
            for (LayerHits h : hits) {
                Crs crs = h.crs();
                AxisOrder order = gml3 ? crs.authorityOrder() : AxisOrder.EAST_NORTH;
                String srsName = gml3 ? crs.urn() : (crs.isCrs84() ? "EPSG:4326" : crs.id());
                GmlFeatureWriter features = new GmlFeatureWriter(version, h.namespace(),
                        new GmlGeometryWriter(version, order, CoordinatePrecision.forCrs(crs)), srsName);
                FeatureStream shape = FeatureStream.all(h.layer().featureType(), h.features().iterator());
                for (Feature f : h.features()) {
                    x.start("gml", "featureMember");
                    features.write(w, f, shape);
                    x.end();
                }
            }
            x.end();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write GML: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
