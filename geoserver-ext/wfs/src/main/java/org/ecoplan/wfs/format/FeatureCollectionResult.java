package org.ecoplan.wfs.format;

import java.util.List;
import org.ecoplan.ows.encode.AppNamespace;
import org.ecoplan.ows.encode.CollectionMetadata;
import org.ecoplan.ows.encode.FeatureStream;
import org.ecoplan.wfs.WfsVersion;

/**
 * The outcome of a GetFeature request, ready to encode: counts, links and CRS in {@code meta}, the
 * features of each query as a stream (cursors opened lazily, one at a time).
 *
 * @param version the WFS version of the request
 * @param meta    counts, time stamp, next/previous links, output CRS and axis order
 * @param streams the features, one stream per query; empty for resultType=hits
 * @param hits    whether only the counts were asked for (resultType=hits)
 * @param schemas the namespaces of the types in the response, each with the DescribeFeatureType URL
 *                of its types (a schema has one target namespace)
 * @param baseUrl the service URL, for links inside the response
 */
public record FeatureCollectionResult(WfsVersion version, CollectionMetadata meta, List<FeatureStream> streams,
        boolean hits, List<NamespaceSchema> schemas, String baseUrl) {
    /** A namespace of the response and where its schema is, or null when the format has none. */
    public record NamespaceSchema(AppNamespace namespace, String url) {}

    public FeatureCollectionResult {
        streams = List.copyOf(streams);
        schemas = List.copyOf(schemas);
    }

    public List<AppNamespace> namespaces() { return schemas.stream().map(NamespaceSchema::namespace).toList(); }
}
