package org.ecoplan.ows;

import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as the services see it, without any servlet or Jetty type.
 *
 * @param method      "GET" or "POST"
 * @param path        the request path ("/wms")
 * @param params      query-string (and form-encoded POST) parameters
 * @param body        POST body (size-capped by the server), empty for GET
 * @param contentType POST content type, or null
 * @param baseUrl     scheme://host:port of the service as the client reached it, for links in responses
 * @param headers     request headers with lower-case names
 */
public record OwsRequest(String method, String path, KvpMap params, byte[] body, String contentType,
        String baseUrl, Map<String, String> headers) {
    public OwsRequest {
        body = body == null ? new byte[0] : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

    public boolean hasXmlBody() { return method.equals("POST") && body.length > 0; }
}
