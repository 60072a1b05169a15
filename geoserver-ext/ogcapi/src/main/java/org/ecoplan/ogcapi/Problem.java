package org.ecoplan.ogcapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;

/**
 * An error as {@code application/problem+json} (RFC 7807), the form OGC API – Features
 * recommends (OGC 17-069r4 clause 7.5.1): type, title, status, detail, and the parameter at
 * fault when there is one.
 */
final class Problem {
    static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problem() {}

    /** A 400 naming the query parameter at fault. */
    static ServiceException badRequest(String parameter, String detail) {
        return new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, parameter, detail, 400);
    }

    /**
     * Refuses any query parameter but the named ones (upper case, as KVP keys are read), as OGC
     * 17-069r4 /req/core/query-param-unknown asks: a 400 naming the first unknown one.
     */
    static void onlyParameters(org.ecoplan.ows.OwsRequest r, String... known) {
        java.util.List<String> allowed = java.util.List.of(known);
        for (String name : r.params().asMap().keySet()) {
            if (!allowed.contains(name)) {
                String n = name.toLowerCase(java.util.Locale.ROOT);
                throw badRequest(n, "Unknown query parameter '" + abbreviate(n) + "'");
            }
        }
    }

    static ServiceException notFound(String detail) {
        return new ServiceException("NotFound", null, detail, 404);
    }

    static OwsResponse of(ServiceException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        // OGC API – Processes names its exceptions by URI (OGC 18-062r2 clause 7.6, e.g. no-such-job)
        body.put("type", e.code().startsWith("http") ? e.code() : "about:blank");
        body.put("title", title(e.httpStatus()));
        body.put("status", e.httpStatus());
        body.put("detail", e.getMessage());
        if (e.locator() != null) body.put("parameter", e.locator());
        body.put("code", e.code());
        try {
            return OwsResponse.bytes(e.httpStatus(), MEDIA_TYPE, JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 415 -> "Unsupported Media Type";
            case 406 -> "Not Acceptable";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    /** A client value shortened for a message. */
    static String abbreviate(String v) {
        return v.length() <= 80 ? v : v.substring(0, 80) + "…";
    }
}
