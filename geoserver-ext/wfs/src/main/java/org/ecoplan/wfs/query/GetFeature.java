package org.ecoplan.wfs.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.AxisOrders;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.MatchCount;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.encode.AppNamespace;
import org.ecoplan.ows.encode.CollectionMetadata;
import org.ecoplan.ows.encode.FeatureStream;
import org.ecoplan.ows.encode.GmlVersion;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsExceptions;
import org.ecoplan.wfs.WfsVersion;
import org.ecoplan.wfs.describe.DescribeFeatureType;
import org.ecoplan.wfs.format.FeatureCollectionFormat;
import org.ecoplan.wfs.format.FeatureCollectionResult;
import org.ecoplan.wfs.format.GmlFormat;

/**
 * The GetFeature operation (WFS 2.0 clause 11): counts the matches of every query (exactly, or
 * "unknown" past the count budget, see {@link MatchCount}), pages through them as one result set (STARTINDEX / COUNT, capped at the service's maximum,
 * clause 7.7.4.4 with next / previous links), and streams the page from the store cursors to the
 * chosen output format.
 */
public final class GetFeature {
    private final WfsContext wfs;

    public GetFeature(WfsContext wfs) {
        this.wfs = wfs;
    }

    /** One query's share of the page. */
    private record Slice(Query query, FeatureSource source, long matched, long offset, long limit) {}

    public OwsResponse handle(GetFeatureRequest req, OwsRequest http) {
        FeatureCollectionFormat format = wfs.formats().choose(req.outputFormat(), req.version());
        int max = wfs.context().settings().maxFeatures();
        long limit = req.count() < 0 ? max : Math.min(req.count(), max);
        OutputCrsChoice crs = outputCrs(req, format);
        // one budget for the whole request: counting, then streaming
        long now = System.nanoTime();
        long deadline = now + wfs.context().settings().requestTimeoutMillis() * 1_000_000L;
        // WFS 1.x has no "unknown" count: there the count may use the whole budget
        long countDeadline = req.version() == WfsVersion.V200
                ? Math.min(deadline, now + wfs.context().settings().countTimeoutMillis() * 1_000_000L)
                : deadline;
        List<Slice> slices = new ArrayList<>();
        long matched = 0;
        long skip = req.startIndex();
        long room = req.hits() ? 0 : limit;
        boolean beyond = false;
        for (Query q : req.queries()) {
            FeatureSource fs = wfs.context().featureSource(q.layer());
            // enough to place this page and see whether a feature follows it
            MatchCount count = MatchCount.of(fs, q.filter(), MatchCount.capFor(skip, room), countDeadline, deadline);
            long n = count.counted();
            matched = matched < 0 || !count.known() ? MatchCount.UNKNOWN : matched + n;
            long offset = Math.min(skip, n);
            skip -= offset;
            long take = Math.min(n - offset, room);
            room -= take;
            beyond |= n - offset - take > 0;
            slices.add(new Slice(q, fs, n, offset, take));
        }
        long returned = slices.stream().mapToLong(Slice::limit).sum();
        if (req.featureById() != null) return featureById(req, slices, format, crs, http);

        String next = null;
        String previous = null;
        if (req.linkParameters() != null && req.hits()) {
            // a hits response is page zero: next leads to the first page of features (clause 7.7.4.2)
            if (beyond) next = link(http, req, req.startIndex(), limit);
        } else if (req.linkParameters() != null) {
            if (beyond) next = link(http, req, req.startIndex() + returned, limit);
            if (req.startIndex() > 0) previous = link(http, req, Math.max(0, req.startIndex() - limit), limit);
        }
        CollectionMetadata meta = new CollectionMetadata(matched, req.hits() ? 0 : returned, Instant.now(), next,
                previous, crs.crs(), crs.name(), crs.order());
        List<LazyFeatureIterator> cursors = new ArrayList<>();
        List<FeatureStream> streams = new ArrayList<>();
        for (Slice s : slices) {
            if (s.limit() == 0) continue;
            LazyFeatureIterator it = new LazyFeatureIterator(s.source(), featureQuery(s, crs.crs()), deadline);
            cursors.add(it);
            LayerConfig l = s.query().layer();
            streams.add(new FeatureStream(l.featureType(), s.query().propertyNames(), s.query().withGeometry(), it,
                    wfs.namespace(l)));
        }
        FeatureCollectionResult result = new FeatureCollectionResult(req.version(), meta, streams, req.hits(),
                schemas(format, req.queries().stream().map(Query::layer).toList()), wfs.serviceUrl());
        return OwsResponse.ok(format.contentType(), out -> {
            try {
                format.write(result, out);
            } finally {
                cursors.forEach(LazyFeatureIterator::close);
            }
        });
    }

    private OwsResponse featureById(GetFeatureRequest req, List<Slice> slices, FeatureCollectionFormat format,
            OutputCrsChoice crs, OwsRequest http) {
        Slice s = slices.get(0);
        Feature found;
        try (LazyFeatureIterator it = new LazyFeatureIterator(s.source(), featureQuery(s, crs.crs()),
                System.nanoTime() + wfs.context().settings().requestTimeoutMillis() * 1_000_000L)) {
            found = it.hasNext() ? it.next() : null;
        }
        if (found == null) {
            throw new ServiceException(WfsExceptions.NOT_FOUND, "ID",
                    "No feature with identifier '" + req.featureById() + "'", 404);
        }
        CollectionMetadata meta = new CollectionMetadata(1, 1, Instant.now(), null, null, crs.crs(), crs.name(),
                crs.order());
        LayerConfig layer = s.query().layer();
        FeatureStream shape = new FeatureStream(layer.featureType(), null, true, java.util.Collections.emptyIterator(),
                wfs.namespace(layer));
        FeatureCollectionResult ctx = new FeatureCollectionResult(req.version(), meta, List.of(), false,
                schemas(format, List.of(layer)), wfs.serviceUrl());
        Feature feature = found;
        return OwsResponse.ok(format.contentType(), out -> format.writeFeature(out, feature, shape, ctx));
    }

    private static FeatureQuery featureQuery(Slice s, Crs target) {
        Query q = s.query();
        boolean geometry = q.withGeometry() && q.layer().featureType().hasGeometry();
        return new FeatureQuery(q.filter(), q.sortBy(), s.offset(), s.limit(), q.propertyNames(), geometry,
                geometry ? target : null);
    }

    /** The CRS geometries are written in, the name written into the response and the axis order. */
    record OutputCrsChoice(Crs crs, String name, AxisOrder order) {}

    static OutputCrsChoice outputCrs(GetFeatureRequest req, FeatureCollectionFormat format) {
        Crs nativeCrs = null;
        for (Query q : req.queries()) {
            LayerConfig l = q.layer();
            if (l.featureType().hasGeometry()) {
                nativeCrs = l.featureType().geometry().crs();
                break;
            }
        }
        boolean gml2 = format instanceof GmlFormat g && g.gml() == GmlVersion.GML2;
        boolean legacy = gml2 || req.version() == WfsVersion.V100;
        CrsName name = req.srsName();
        if (name == null) {
            if (nativeCrs == null) return new OutputCrsChoice(null, null, AxisOrder.EAST_NORTH);
            // the native CRS as the version advertises it: URN for 1.1 / 2.0, EPSG:n for 1.0
            name = CrsRegistry.parse(legacy ? nativeCrs.id() : nativeCrs.urn()).orElseThrow();
        }
        AxisOrder order = AxisOrders.of(name, legacy ? AxisConvention.EAST_NORTH : AxisConvention.BY_FORM);
        String written = gml2 && name.form() != CrsName.Form.CRS84
                ? "http://www.opengis.net/gml/srs/epsg.xml#" + name.crs().epsg()
                : name.text();
        return new OutputCrsChoice(name.crs(), written, order);
    }

    /** Each namespace of the layers, with the DescribeFeatureType URL of its layers when the format is GML. */
    private List<FeatureCollectionResult.NamespaceSchema> schemas(FeatureCollectionFormat format,
            List<LayerConfig> layers) {
        Map<AppNamespace, List<String>> byNamespace = new LinkedHashMap<>();
        for (LayerConfig l : layers) {
            List<String> names = byNamespace.computeIfAbsent(wfs.namespace(l), k -> new ArrayList<>());
            if (!names.contains(l.qualifiedName())) names.add(l.qualifiedName());
        }
        List<FeatureCollectionResult.NamespaceSchema> out = new ArrayList<>();
        byNamespace.forEach((ns, names) -> {
            String url = null;
            if (format instanceof GmlFormat g) {
                WfsVersion v = switch (g.gml()) {
                    case GML32 -> WfsVersion.V200;
                    case GML311 -> WfsVersion.V110;
                    case GML2 -> WfsVersion.V100;
                };
                url = DescribeFeatureType.url(wfs.serviceUrl(), v, g.gml(), names);
            }
            out.add(new FeatureCollectionResult.NamespaceSchema(ns, url));
        });
        return out;
    }

    private String link(OwsRequest http, GetFeatureRequest req, long start, long count) {
        Map<String, String> p = new LinkedHashMap<>();
        req.linkParameters().forEach((k, v) -> {
            if (!k.equals("STARTINDEX") && !k.equals("COUNT") && !k.equals("MAXFEATURES") && !k.equals("RESULTTYPE")) {
                p.put(k, v);
            }
        });
        p.put("STARTINDEX", Long.toString(start));
        p.put(req.version() == WfsVersion.V200 ? "COUNT" : "MAXFEATURES", Long.toString(count));
        StringBuilder sb = new StringBuilder(wfs.serviceUrl()).append('?');
        boolean first = true;
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (!first) sb.append('&');
            first = false;
            sb.append(enc(e.getKey())).append('=').append(enc(e.getValue()));
        }
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
