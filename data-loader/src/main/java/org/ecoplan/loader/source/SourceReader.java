package org.ecoplan.loader.source;

import java.util.Iterator;
import java.util.Optional;

/**
 * A forward-only stream of the features of one source file. Readers stream where the format
 * allows, so a source never has to fit in memory twice. File-level failures (truncated JSON,
 * a missing table) surface as {@link org.ecoplan.loader.SourceException} from
 * {@link #hasNext()} or {@link #next()}.
 */
public interface SourceReader extends Iterator<SourceRecord>, AutoCloseable {
    /**
     * The CRS the file itself declares (GeoJSON "crs" member, GeoPackage srs_id), known once the
     * file has been read to the end; empty when it declares none.
     */
    default Optional<String> declaredCrs() { return Optional.empty(); }

    @Override
    void close();
}
