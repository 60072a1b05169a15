package org.ecoplan.ogcapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.AxisOrders;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryTimeoutException;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.catalog.store.FeatureSource;
import org.ecoplan.catalog.store.MatchCount;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.encode.CollectionMetadata;
import org.ecoplan.ows.encode.FeatureStream;
import org.ecoplan.ows.encode.GeoJsonEncoder;
import org.ecoplan.ows.encode.Link;

/**
 * The features of a collection (OGC 17-069r4 clause 7.15) and one feature (clause 7.16) as
 * GeoJSON, streamed from the store cursor: counted within the count budget (numberMatched is left
 * out when the count would take longer), paged with {@code limit} / {@code offset} and
 * next / prev links, in the CRS asked for with its axis order (OGC 18-058r1 clause 6.2).
 */
final class Items {
    private Items() {}

    static long deadline(ServerSettings s) {
        return System.nanoTime() + s.requestTimeoutMillis() * 1_000_000L;
    }

    /** What a page holds: every match (or {@link MatchCount#UNKNOWN}), the features returned, and whether more follow. */
    record Page(long matched, long returned, boolean more) {}

    /** Counts the matches within the count budget, as WFS does, and places the page. */
    static Page page(FeatureSource fs, ItemsQuery q, ServerSettings s, long deadline) {
        long countDeadline = Math.min(deadline, System.nanoTime() + s.countTimeoutMillis() * 1_000_000L);
        MatchCount count = MatchCount.of(fs, q.filter(), MatchCount.capFor(q.offset(), q.limit()), countDeadline,
                deadline);
        long returned = Math.max(0, Math.min(q.limit(), count.counted() - q.offset()));
        return new Page(count.matched(), returned, count.counted() > q.offset() + returned);
    }

    static FeatureQuery featureQuery(LayerConfig layer, ItemsQuery q, long returned, long deadline) {
        boolean geometry = layer.featureType().hasGeometry();
        return new FeatureQuery(q.filter(), List.of(), q.offset(), returned, null, geometry,
                geometry ? q.crs() : null).withDeadline(deadline);
    }

    /** The features of a cursor with coordinates in the CRS's axis order. */
    static Iterator<Feature> inAxisOrder(FeatureCursor cursor, Crs crs) {
        if (!CollectionCrs.northFirst(crs)) return cursor;
        return new Iterator<>() {
            @Override
            public boolean hasNext() { return cursor.hasNext(); }

            @Override
            public Feature next() {
                Feature f = cursor.next();
                return new Feature(f.id(), f.attributes(), AxisOrders.swapped(f.geometry()));
            }
        };
    }

    static CollectionMetadata metadata(long matched, long returned, Crs crs) {
        return new CollectionMetadata(matched, returned, Instant.now(), null, null, crs, crs.uri(),
                AxisOrder.EAST_NORTH);
    }

    /** The items URL with the request's parameters and another offset (and f). */
    static String pageUrl(String itemsUrl, Map<String, String> params, long offset, String f) {
        StringBuilder b = new StringBuilder(itemsUrl);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            String k = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (k.equals("offset") || k.equals("f")) continue;
            b.append(sep).append(enc(k)).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        if (offset > 0) {
            b.append(sep).append("offset=").append(offset);
            sep = '&';
        }
        if (f != null) b.append(sep).append("f=").append(f);
        return b.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One feature by id, or 404. */
    static Feature one(FeatureSource fs, LayerConfig layer, String id, Crs crs, long deadline) {
        boolean geometry = layer.featureType().hasGeometry();
        FeatureQuery q = new FeatureQuery(new Filter.ResourceId(List.of(id)), List.of(), 0, 1, null, geometry,
                geometry ? crs : null).withDeadline(deadline);
        try (FeatureCursor c = fs.features(q)) {
            if (!c.hasNext()) throw Problem.notFound("No feature '" + Problem.abbreviate(id) + "' in this collection");
            Feature f = c.next();
            return CollectionCrs.northFirst(crs)
                    ? new Feature(f.id(), f.attributes(), AxisOrders.swapped(f.geometry()))
                    : f;
        } catch (QueryTimeoutException e) {
            throw new ServiceException(ServiceException.OPERATION_PROCESSING_FAILED, null, e.getMessage(), 503);
        }
    }

    static byte[] itemJson(Feature f, LayerConfig layer, Crs crs, List<Link> links) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new GeoJsonEncoder().writeItem(out, f,
                    FeatureStream.all(layer.featureType(), List.<Feature>of().iterator()),
                    crs, links);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static List<Link> pageLinks(String itemsUrl, ItemsQuery q, long matched, long returned, boolean more) {
        List<Link> links = new ArrayList<>();
        links.add(new Link(pageUrl(itemsUrl, q.echo(), q.offset(), "json"), "self", GeoJsonEncoder.MEDIA_TYPE,
                "this document"));
        links.add(new Link(pageUrl(itemsUrl, q.echo(), q.offset(), "html"), "alternate", "text/html",
                "this document as HTML"));
        if (more) {
            links.add(new Link(pageUrl(itemsUrl, q.echo(), q.offset() + returned, "json"), "next",
                    GeoJsonEncoder.MEDIA_TYPE, "next page"));
        }
        if (q.offset() > 0) {
            // past the end, the previous page is the last one that holds features
            long prev = matched >= 0 && q.offset() > matched ? matched - q.limit() : q.offset() - q.limit();
            links.add(new Link(pageUrl(itemsUrl, q.echo(), Math.max(0, prev), "json"), "prev",
                    GeoJsonEncoder.MEDIA_TYPE, "previous page"));
        }
        return links;
    }
}
