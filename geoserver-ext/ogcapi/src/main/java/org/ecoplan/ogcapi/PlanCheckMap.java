package org.ecoplan.ogcapi;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ecoplan.ows.InternalDispatch;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The report's map: the plan layers the workspace names ({@code planCheck.map}) drawn by this
 * server's own WMS (GetMap 1.3.0 in CRS:84 over the site and its surroundings, the width scaled by
 * the cosine of the latitude so the map is not stretched), with the site drawn over it in red.
 */
final class PlanCheckMap {
    static final int WIDTH = 640;

    private PlanCheckMap() {}

    static byte[] png(ServiceContext context, OwsRequest request, String workspace, List<String> layers, Site site) {
        Envelope e = new Envelope(site.geometry().getEnvelopeInternal());
        double pad = Math.max(Math.max(e.getWidth(), e.getHeight()) * 0.6, 0.01);
        e.expandBy(pad);
        double cos = Math.cos(Math.toRadians(e.centre().y));
        int height = (int) Math.max(160, Math.min(960, Math.round(WIDTH * e.getHeight() / (e.getWidth() * cos))));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SERVICE", "WMS");
        p.put("VERSION", "1.3.0");
        p.put("REQUEST", "GetMap");
        var view = context.view(request.inWorkspace(workspace));
        List<String> visible = layers.stream().filter(l -> view.layer(l).isPresent()).toList();
        p.put("LAYERS", String.join(",", visible));
        p.put("STYLES", "");
        p.put("CRS", "CRS:84");
        p.put("BBOX", e.getMinX() + "," + e.getMinY() + "," + e.getMaxX() + "," + e.getMaxY());
        p.put("WIDTH", Integer.toString(WIDTH));
        p.put("HEIGHT", Integer.toString(height));
        p.put("FORMAT", "image/png");
        p.put("TRANSPARENT", "FALSE");
        // drawn with the caller's rights: a layer it may not read is left out of its map
        OwsRequest inner = new OwsRequest("GET", "/wms", new KvpMap(p), null, null, request.baseUrl(),
                Map.of(), workspace, request.caller());
        try {
            BufferedImage base;
            if (visible.isEmpty()) {
                base = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D white = base.createGraphics();
                white.setColor(Color.WHITE);
                white.fillRect(0, 0, WIDTH, height);
                white.dispose();
            } else {
                OwsResponse answer = context.component(InternalDispatch.class).dispatch(inner);
                ByteArrayOutputStream plan = new ByteArrayOutputStream();
                answer.body().writeTo(plan);
                base = ImageIO.read(new ByteArrayInputStream(plan.toByteArray()));
                if (base == null || answer.status() != 200) {
                    throw new IllegalStateException("the plan map could not be drawn (" + answer.contentType() + ")");
                }
            }
            BufferedImage img = new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.drawImage(base, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double sx = img.getWidth() / e.getWidth();
            double sy = img.getHeight() / e.getHeight();
            if (site.isPoint()) {
                for (Coordinate c : site.geometry().getCoordinates()) {
                    double x = (c.x - e.getMinX()) * sx;
                    double y = (e.getMaxY() - c.y) * sy;
                    g.setColor(new Color(220, 0, 0));
                    g.fillOval((int) x - 6, (int) y - 6, 12, 12);
                    g.setColor(Color.WHITE);
                    g.setStroke(new BasicStroke(2f));
                    g.drawOval((int) x - 6, (int) y - 6, 12, 12);
                }
            } else {
                Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                for (int i = 0; i < site.geometry().getNumGeometries(); i++) {
                    Geometry part = site.geometry().getGeometryN(i);
                    if (!(part instanceof Polygon poly)) continue;
                    ring(path, poly.getExteriorRing().getCoordinates(), e, sx, sy);
                    for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                        ring(path, poly.getInteriorRingN(h).getCoordinates(), e, sx, sy);
                    }
                }
                g.setColor(new Color(220, 0, 0, 70));
                g.fill(path);
                g.setColor(new Color(220, 0, 0));
                g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(path);
            }
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    private static void ring(Path2D path, Coordinate[] cs, Envelope e, double sx, double sy) {
        for (int i = 0; i < cs.length; i++) {
            double x = (cs[i].x - e.getMinX()) * sx;
            double y = (e.getMaxY() - cs[i].y) * sy;
            if (i == 0) path.moveTo(x, y);
            else path.lineTo(x, y);
        }
        path.closePath();
    }
}
