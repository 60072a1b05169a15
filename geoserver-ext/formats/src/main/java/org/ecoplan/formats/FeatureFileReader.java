package org.ecoplan.formats;

import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A forward-only stream of the features of one file. File-level failures (a truncated record, an
 * undecodable text field, malformed XML) surface as {@link FormatException} from
 * {@link #hasNext()} or {@link #next()}; problems confined to one feature are in its
 * {@link FormatRecord#problems()}.
 */
public interface FeatureFileReader extends Iterator<FormatRecord>, AutoCloseable {
    /** The CRS the file declares, as "EPSG:nnnn" or "CRS:84"; empty when it declares none. Known right after opening. */
    Optional<String> crs();

    /**
     * The CRS as the file states it (a .prj's WKT), when it states one; lets a caller tell a file
     * that names no CRS from one whose CRS {@link #crs()} could not name.
     */
    default Optional<String> crsText() { return crs(); }

    /**
     * How many features the file holds, when the format says so before reading (a Shapefile's
     * .dbf record count); for progress reports only, deleted records included.
     */
    default OptionalLong size() { return OptionalLong.empty(); }

    @Override
    void close();
}
