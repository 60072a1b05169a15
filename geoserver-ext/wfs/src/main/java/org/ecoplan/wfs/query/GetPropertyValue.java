package org.ecoplan.wfs.query;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.MatchCount;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.encode.CoordinatePrecision;
import org.ecoplan.ows.encode.GmlGeometryTypes;
import org.ecoplan.ows.encode.GmlGeometryWriter;
import org.ecoplan.ows.encode.GmlVersion;
import org.ecoplan.ows.encode.ValueText;
import org.ecoplan.ows.encode.XmlDocument;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsVersion;
import org.ecoplan.wfs.format.Gml32Format;

/**
 * The GetPropertyValue operation (WFS 2.0 clause 10): the values of one property of the features a
 * query selects, as wfs:ValueCollection/wfs:member (text for attributes, a GML 3.2 geometry for
 * the geometry property), with the same paging and counts as GetFeature.
 */
public final class GetPropertyValue {
    private final WfsContext wfs;

    public GetPropertyValue(WfsContext wfs) {
        this.wfs = wfs;
    }

    public OwsResponse handle(GetPropertyValueRequest req, OwsRequest http) {
        GetFeatureRequest gf = req.query();
        Query q = gf.queries().get(0);
        FeatureType type = q.layer().featureType();
        boolean geometry = type.isGeometry(req.property());
        boolean id = PropertyNames.GML_ID.equals(req.property());
        FeatureSource fs = wfs.context().featureSource(q.layer());
        int max = wfs.context().settings().maxFeatures();
        long limit = gf.count() < 0 ? max : Math.min(gf.count(), max);
        long now = System.nanoTime();
        long deadline = now + wfs.context().settings().requestTimeoutMillis() * 1_000_000L;
        long countDeadline = Math.min(deadline, now + wfs.context().settings().countTimeoutMillis() * 1_000_000L);
        MatchCount count = MatchCount.of(fs, q.filter(), MatchCount.capFor(gf.startIndex(), limit), countDeadline,
                deadline);
        long matched = count.matched();
        long returned = gf.hits() ? 0 : Math.max(0, Math.min(limit, count.counted() - gf.startIndex()));
        GetFeature.OutputCrsChoice crs = GetFeature.outputCrs(gf, new Gml32Format());
        FeatureQuery fq = new FeatureQuery(q.filter(), q.sortBy(), gf.startIndex(), returned,
                geometry || id ? List.of() : List.of(req.property()), geometry, geometry ? crs.crs() : null);
        return OwsResponse.ok("application/gml+xml; version=3.2; charset=UTF-8", out -> {
            // the document is ended only when every value is written: a failure leaves it broken off, not shorter
            XmlDocument x = new XmlDocument(out);
            try (LazyFeatureIterator it = new LazyFeatureIterator(fs, fq, deadline)) {
                x.root("wfs", "ValueCollection", WfsVersion.V200.namespace(), "gml", GmlVersion.GML32.namespace(),
                        "xsi", XmlDocument.XSI);
                x.namespaces(wfs.namespaces());
                x.attr("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                x.attr("numberMatched", matched < 0 ? "unknown" : Long.toString(matched)).attr("numberReturned",
                        Long.toString(returned));
                x.attr("xsi", "schemaLocation", WfsVersion.V200.namespace() + " " + WfsVersion.V200.schemaLocation()
                        + " " + GmlVersion.GML32.namespace() + " " + GmlVersion.GML32.schemaLocation());
                GmlGeometryWriter geometries = new GmlGeometryWriter(GmlVersion.GML32, crs.order(),
                        CoordinatePrecision.forCrs(crs.crs()));
                while (returned > 0 && it.hasNext()) {
                    Feature f = it.next();
                    x.start("wfs", "member");
                    if (geometry) {
                        if (f.geometry() != null) {
                            geometries.write(x.raw(), GmlGeometryTypes.conform(f.geometry(), type.geometry().type()),
                                    crs.name(), f.id() + ".geom");
                        }
                    } else {
                        x.text(id ? f.id() : ValueText.of(f.get(req.property())));
                    }
                    x.end();
                }
                x.end();
                x.close();
            } catch (XMLStreamException e) {
                throw new IOException("encoding failed: " + e.getMessage(), e);
            }
        });
    }
}
