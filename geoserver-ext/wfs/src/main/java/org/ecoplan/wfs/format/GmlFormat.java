package org.ecoplan.wfs.format;

import java.io.IOException;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.catalog.Feature;
import org.ecoplan.ows.encode.CollectionMetadata;
import org.ecoplan.ows.encode.CoordinatePrecision;
import org.ecoplan.ows.encode.FeatureStream;
import org.ecoplan.ows.encode.GmlFeatureWriter;
import org.ecoplan.ows.encode.GmlGeometryWriter;
import org.ecoplan.ows.encode.GmlVersion;
import org.ecoplan.ows.encode.XmlDocument;
import org.ecoplan.wfs.WfsVersion;

/**
 * GML feature collections, in the collection element of the WFS version matching the GML
 * version: wfs:FeatureCollection/wfs:member (WFS 2.0 clause 11.3.3, GML 3.2), the WFS 1.1
 * wfs:FeatureCollection/gml:featureMember (GML 3.1.1) and the WFS 1.0 one with gml:boundedBy
 * (GML 2.1.2), so every response validates against the schemas it names.
 */
public abstract class GmlFormat implements FeatureCollectionFormat {
    private final GmlVersion gml;

    GmlFormat(GmlVersion gml) {
        this.gml = gml;
    }

    public GmlVersion gml() { return gml; }

    @Override
    public String contentType() {
        return gml.mediaType() + "; charset=UTF-8";
    }

    private WfsVersion collectionVersion() {
        return switch (gml) {
            case GML32 -> WfsVersion.V200;
            case GML311 -> WfsVersion.V110;
            case GML2 -> WfsVersion.V100;
        };
    }

    @Override
    public void write(FeatureCollectionResult r, OutputStream out) throws IOException {
        WfsVersion wfs = collectionVersion();
        CollectionMetadata meta = r.meta();
        // not try-with-resources: a stream that fails half-way must not be closed into a valid, shorter
        // document; the broken-off answer tells the client it is incomplete
        XmlDocument x = new XmlDocument(out);
        try {
            x.root("wfs", "FeatureCollection", wfs.namespace(), "gml", gml.namespace(), "xsi", XmlDocument.XSI);
            x.namespaces(r.namespaces());
            String timeStamp = meta.timeStamp().truncatedTo(ChronoUnit.SECONDS).toString();
            switch (wfs) {
                case V200 -> {
                    x.attr("timeStamp", timeStamp);
                    x.attr("numberMatched", meta.numberMatched() < 0 ? "unknown" : Long.toString(meta.numberMatched()));
                    x.attr("numberReturned", Long.toString(Math.max(0, meta.numberReturned())));
                    x.attr("next", meta.next());
                    x.attr("previous", meta.previous());
                }
                case V110 -> {
                    x.attr("timeStamp", timeStamp);
                    x.attr("numberOfFeatures", Long.toString(r.hits() ? meta.numberMatched() : meta.numberReturned()));
                }
                case V100 -> {}
            }
            x.attr("xsi", "schemaLocation", schemaLocation(wfs, r));
            if (wfs == WfsVersion.V100) {
                x.start("gml", "boundedBy").element("gml", "null", "unknown").end();
            }
            GmlFeatureWriter features = featureWriter(r);
            for (FeatureStream s : r.streams()) {
                Iterator<Feature> it = s.features();
                while (it.hasNext()) {
                    Feature f = it.next();
                    x.start(wfs == WfsVersion.V200 ? "wfs" : "gml",
                            wfs == WfsVersion.V200 ? "member" : "featureMember");
                    features.write(x.raw(), f, s);
                    x.end();
                }
            }
            x.end();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("GML encoding failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void writeFeature(OutputStream out, Feature feature, FeatureStream shape, FeatureCollectionResult r)
            throws IOException {
        try (XmlDocument x = new XmlDocument(out)) {
            String location = shape.namespace().uri() + " " + r.schemas().get(0).url()
                    + (gml == GmlVersion.GML32 ? " " + gml.namespace() + " " + gml.schemaLocation() : "");
            featureWriter(r).writeRoot(x.raw(), feature, shape, location);
        } catch (XMLStreamException e) {
            throw new IOException("GML encoding failed: " + e.getMessage(), e);
        }
    }

    private GmlFeatureWriter featureWriter(FeatureCollectionResult r) {
        CollectionMetadata meta = r.meta();
        GmlGeometryWriter geometries = new GmlGeometryWriter(gml, meta.axisOrder(),
                CoordinatePrecision.forCrs(meta.crs()));
        return new GmlFeatureWriter(gml, r.namespaces().get(0), geometries, meta.crsName());
    }

    private String schemaLocation(WfsVersion wfs, FeatureCollectionResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(wfs.namespace()).append(' ').append(wfs.schemaLocation());
        if (gml == GmlVersion.GML32) sb.append(' ').append(gml.namespace()).append(' ').append(gml.schemaLocation());
        // one DescribeFeatureType URL per namespace: a schema describes one target namespace
        if (!r.streams().isEmpty()) {
            for (FeatureCollectionResult.NamespaceSchema ns : r.schemas()) {
                if (ns.url() != null) sb.append(' ').append(ns.namespace().uri()).append(' ').append(ns.url());
            }
        }
        return sb.toString();
    }
}
