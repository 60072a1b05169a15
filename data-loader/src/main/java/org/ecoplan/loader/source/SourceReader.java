package org.ecoplan.loader.source;

import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;

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

    /**
     * Whether {@link #declaredCrs()} is final right after opening (a Shapefile's .prj, a
     * 界址点坐标 header, KML), so the loader may take it as the source CRS before reading.
     */
    default boolean crsKnownAtOpen() { return false; }

    /** The CRS as the file states it (a .prj's WKT), even when {@link #declaredCrs()} could not name it. */
    default Optional<String> crsText() {
        return declaredCrs();
    }

    /** How many features the source holds, when known before reading; for progress only. */
    default OptionalLong size() {
        return OptionalLong.empty();
    }

    @Override
    void close();
}
