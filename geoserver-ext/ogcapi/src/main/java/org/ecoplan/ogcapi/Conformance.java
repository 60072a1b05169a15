package org.ecoplan.ogcapi;

import java.util.List;

/** The conformance classes this API implements (OGC 17-069r4 clause 7.4, OGC 18-058r1 clause 5). */
final class Conformance {
    static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    static final String OAS30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";
    static final String HTML = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html";
    static final String GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
    static final String CRS = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";

    static final List<String> ALL = List.of(CORE, OAS30, HTML, GEOJSON, CRS);

    private Conformance() {}
}
