package org.ecoplan.ows;

import java.util.Locale;
import java.util.Map;
import org.ecoplan.catalog.security.Caller;

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
 * @param workspace   the workspace of a virtual service ({@code /plan/wms}), or null at the global
 *                    endpoints; {@code path} is then the path after the workspace segment
 * @param caller      who sent it, as the server authenticated it; anonymous where none did (a
 *                    request built inside the server without one sees only what anyone may)
 */
public record OwsRequest(String method, String path, KvpMap params, byte[] body, String contentType,
        String baseUrl, Map<String, String> headers, String workspace, Caller caller) {
    public OwsRequest {
        body = body == null ? new byte[0] : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        caller = caller == null ? Caller.ANONYMOUS : caller;
    }

    /** A request of an anonymous caller. */
    public OwsRequest(String method, String path, KvpMap params, byte[] body, String contentType, String baseUrl,
            Map<String, String> headers, String workspace) {
        this(method, path, params, body, contentType, baseUrl, headers, workspace, Caller.ANONYMOUS);
    }

    /** A request to a global endpoint. */
    public OwsRequest(String method, String path, KvpMap params, byte[] body, String contentType, String baseUrl,
            Map<String, String> headers) {
        this(method, path, params, body, contentType, baseUrl, headers, null);
    }

    /** The same request at a workspace's virtual service. */
    /** The same request with other parameters (an XML request read into its KVP equivalent). */
    public OwsRequest withParams(KvpMap other) {
        return new OwsRequest(method, path, other, body, contentType, baseUrl, headers, workspace, caller);
    }

    public OwsRequest inWorkspace(String name) {
        return new OwsRequest(method, path, params, body, contentType, baseUrl, headers, name, caller);
    }

    /** The same request from an authenticated caller. */
    public OwsRequest withCaller(Caller who) {
        return new OwsRequest(method, path, params, body, contentType, baseUrl, headers, workspace, who);
    }

    /**
     * The URL of the endpoint the request reached, for links in responses: base URL, the workspace
     * segment of a virtual service, then the path ({@code "/wms"} gives {@code http://h/plan/wms}).
     */
    public String endpointUrl(String servicePath) {
        String base = baseUrl == null ? "" : baseUrl;
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return base + (workspace == null ? "" : "/" + workspace) + servicePath;
    }

    public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

    public boolean hasXmlBody() { return method.equals("POST") && body.length > 0; }
}
