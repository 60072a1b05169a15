package org.ecoplan.server;

import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.ecoplan.ows.ServerSettings;

/**
 * Which web pages may read this server's answers (CORS, Fetch standard): every origin ("*", the
 * default, as public map services are read from anywhere), or the comma-separated origins of
 * ECOPLAN_CORS_ORIGINS, echoed only when a request comes from one of them.
 */
record CorsOrigins(List<String> origins) {
    static CorsOrigins fromEnvironment() {
        String v = ServerSettings.setting("ECOPLAN_CORS_ORIGINS", "*");
        return new CorsOrigins(List.of(v.split("\\s*,\\s*")));
    }

    void allow(Request request, Response response) {
        if (origins.contains("*")) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            return;
        }
        response.getHeaders().add(HttpHeader.VARY, "Origin");
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && origins.contains(origin)) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
    }
}
