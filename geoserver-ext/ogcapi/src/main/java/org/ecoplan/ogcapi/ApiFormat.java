package org.ecoplan.ogcapi;

import java.util.Locale;
import org.ecoplan.ows.OwsRequest;

/**
 * The encodings a resource is offered in (OGC 17-069r4 clause 7.8 and 7.9: JSON / GeoJSON and
 * HTML), chosen by the {@code f} parameter, else by the Accept header (clause 7.5, HTTP content
 * negotiation), else JSON.
 */
enum ApiFormat {
    JSON("json"),
    HTML("html");

    final String parameter;

    ApiFormat(String parameter) {
        this.parameter = parameter;
    }

    static ApiFormat of(OwsRequest request) {
        String f = request.params().value("f");
        if (f != null) {
            return switch (f.trim().toLowerCase(Locale.ROOT)) {
                case "json", "geojson", "application/json", "application/geo+json" -> JSON;
                case "html", "text/html" -> HTML;
                default -> throw Problem.badRequest("f",
                        "Unknown format '" + Problem.abbreviate(f) + "'; use f=json or f=html");
            };
        }
        String accept = request.header("accept");
        return accept != null && prefersHtml(accept) ? HTML : JSON;
    }

    /** Whether text/html has a higher quality than every JSON type in an Accept header. */
    static boolean prefersHtml(String accept) {
        double html = -1;
        double json = -1;
        for (String part : accept.split(",")) {
            String[] p = part.trim().split(";");
            String type = p[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < p.length; i++) {
                String kv = p[i].trim();
                if (kv.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(kv.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html")) html = Math.max(html, q);
            else if (type.contains("json")) json = Math.max(json, q);
        }
        return html > 0 && html > json;
    }
}
