package org.ecoplan.ows.encode;

import java.time.Instant;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.Crs;

/**
 * What a feature collection says about itself besides its features: counts (WFS 2.0 clause
 * 11.3.3.2 numberMatched / numberReturned), the time stamp, paging links (clause 11.3.3.3 next /
 * previous) and the CRS the coordinates are in, with the name and axis order the request chose.
 *
 * @param numberMatched  features matching the query, or -1 when unknown ("unknown" in WFS 2.0)
 * @param numberReturned features in this response, or -1 when unknown
 * @param timeStamp      when the response was produced
 * @param next           URL of the next page, or null
 * @param previous       URL of the previous page, or null
 * @param crs            CRS of the coordinates, or null when no feature has geometry
 * @param crsName        the CRS name written into the response (srsName), as the client named it
 * @param axisOrder      order in which coordinates are written (GML only; GeoJSON is always x/y)
 */
public record CollectionMetadata(long numberMatched, long numberReturned, Instant timeStamp, String next,
        String previous, Crs crs, String crsName, AxisOrder axisOrder) {
    public CollectionMetadata {
        timeStamp = timeStamp == null ? Instant.now() : timeStamp;
        axisOrder = axisOrder == null ? AxisOrder.EAST_NORTH : axisOrder;
    }

    /** Metadata with only the coordinate reference system set (counts unknown, no links). */
    public static CollectionMetadata of(Crs crs, String crsName, AxisOrder axisOrder) {
        return new CollectionMetadata(-1, -1, Instant.now(), null, null, crs, crsName, axisOrder);
    }
}
