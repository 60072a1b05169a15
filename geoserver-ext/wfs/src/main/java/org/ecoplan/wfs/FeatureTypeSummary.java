package org.ecoplan.wfs;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerMetadata;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.ows.ServiceContext;
import org.locationtech.jts.geom.Envelope;

/**
 * What capabilities say about one feature type: names, texts, CRSs and the WGS 84 extent computed
 * from the data.
 *
 * @param layer    the catalog layer
 * @param name     prefixed name ("plan:zones")
 * @param nativeCrs the layer's CRS, or null for a table without geometry
 * @param wgs84    extent in CRS84 (lon/lat), or null when empty or without geometry
 * @param offered  the CRSs its workspace offers its layers in
 */
public record FeatureTypeSummary(LayerConfig layer, String name, Crs nativeCrs, Envelope wgs84, List<Crs> offered) {

    static List<FeatureTypeSummary> of(ServiceContext ctx, WfsContext wfs) {
        FeatureTypeNames names = wfs.names();
        List<FeatureTypeSummary> out = new ArrayList<>();
        for (LayerConfig l : wfs.view().layers()) {
            Crs crs = l.featureType().hasGeometry() ? l.featureType().geometry().crs() : null;
            Envelope box = null;
            if (crs != null) {
                Envelope nat = ctx.featureSource(l).bounds();
                if (nat != null && !nat.isNull())
                    box = new GeometryTransformer(crs, CrsRegistry.EPSG_4326).transform(nat);
            }
            List<Crs> offered = ctx.catalog().workspaceOf(l.workspace()).services().crs().stream()
                    .map(CrsRegistry::require).toList();
            out.add(new FeatureTypeSummary(l, names.qualified(l), crs, box, offered));
        }
        return out;
    }

    /** The CRSs offered besides the native one (WFS 2.0 OtherCRS): the workspace's list. */
    public List<Crs> otherCrs() {
        List<Crs> out = new ArrayList<>();
        for (Crs c : offered) if (!c.equals(nativeCrs) && !out.contains(c)) out.add(c);
        return out;
    }

    /** The abstract with the provenance a user must see (source, licence, schematic geometry). */
    public String abstractText(String lang) {
        StringBuilder sb = new StringBuilder(layer.abstractText() == null ? "" : layer.abstractText().in(lang));
        LayerMetadata m = layer.metadata();
        if (m != null) {
            boolean en = "en".equals(lang);
            if (m.source() != null) sb.append(en ? " Source: " : " 来源：").append(m.source()).append('.');
            if (m.licence() != null) sb.append(en ? " Licence: " : " 许可：").append(m.licence()).append('.');
            if (m.attribution() != null) sb.append(en ? " Attribution: " : " 署名：").append(m.attribution()).append('.');
            if (m.schematic())
                sb.append(en
                        ? " Schematic geometry drawn from the plan, not surveyed."
                        : " 示意性几何，依据规划文本绘制，非测量成果。");
        }
        return sb.toString().trim();
    }
}
