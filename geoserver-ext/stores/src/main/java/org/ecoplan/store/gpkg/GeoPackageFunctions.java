package org.ecoplan.store.gpkg;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.ToDoubleFunction;
import org.locationtech.jts.geom.Envelope;
import org.sqlite.Function;

/**
 * The SQL functions the GeoPackage R-tree extension's triggers call (OGC 12-128r18, Annex F.3:
 * ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY, ST_MaxY), implemented on the GeoPackage geometry header
 * and registered on every connection of this store. Readers use them too, for the exact
 * envelope test behind the R-tree prefilter of BBOX.
 */
public final class GeoPackageFunctions {
    private GeoPackageFunctions() {}

    public static void register(Connection c) throws SQLException {
        Function.create(c, "ST_IsEmpty", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                byte[] blob = value_blob(0);
                if (blob == null) result();
                else result(GeoPackageGeometry.isEmpty(blob) ? 1 : 0);
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        bound(c, "ST_MinX", Envelope::getMinX);
        bound(c, "ST_MaxX", Envelope::getMaxX);
        bound(c, "ST_MinY", Envelope::getMinY);
        bound(c, "ST_MaxY", Envelope::getMaxY);
    }

    private static void bound(Connection c, String name, ToDoubleFunction<Envelope> part) throws SQLException {
        Function.create(c, name, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                byte[] blob = value_blob(0);
                Envelope e = blob == null ? null : GeoPackageGeometry.envelope(blob);
                if (e == null) result();
                else result(part.applyAsDouble(e));
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }
}
