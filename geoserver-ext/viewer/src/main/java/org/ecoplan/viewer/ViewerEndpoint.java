package org.ecoplan.viewer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;

/**
 * Serves the plan viewer at {@code /viewer/}: the static files bundled into the jar at build time
 * (class-path directory {@code viewer/}) and {@code /viewer/config.json} built from the catalog.
 * Nothing is fetched from another host at run time.
 */
public final class ViewerEndpoint implements HttpEndpoint {
    public static final String PREFIX = "/viewer";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8", "js", "text/javascript; charset=UTF-8", "css",
            "text/css; charset=UTF-8",
            "json", "application/json", "map", "application/json", "png", "image/png", "svg", "image/svg+xml",
            "ico", "image/x-icon");

    private final ServiceContext context;
    private final String tiandituKey;
    private final ClassLoader loader;

    public ViewerEndpoint(ServiceContext context, String tiandituKey) {
        this.context = context;
        this.tiandituKey = tiandituKey;
        this.loader = ViewerEndpoint.class.getClassLoader();
    }

    @Override
    public String pathPrefix() { return PREFIX; }

    @Override
    public OwsResponse handle(OwsRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return OwsResponse.text(405, "text/plain; charset=UTF-8", "Only GET and HEAD are supported\n")
                    .withHeader("Allow", "GET, HEAD");
        }
        String rest = request.path().substring(PREFIX.length());
        // relative URLs in the page need the trailing slash
        if (rest.isEmpty()) {
            return new OwsResponse(302, null, Map.of("Location", request.endpointUrl(PREFIX) + "/"), out -> {});
        }
        String name = rest.equals("/") ? "index.html" : rest.substring(1);
        if (name.equals("config.json")) {
            return OwsResponse
                    .bytes(200, "application/json", ViewerConfig.write(context, context.view(request), tiandituKey))
                    .withHeader("Cache-Control", "no-cache");
        }
        if (!SAFE_NAME.matcher(name).matches()) return notFound(request.path());
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(ext);
        if (type == null) return notFound(request.path());
        byte[] data;
        try (InputStream in = loader.getResourceAsStream("viewer/" + name)) {
            if (in == null) {
                return name.equals("index.html")
                        ? OwsResponse.text(503, "text/plain; charset=UTF-8",
                                "The viewer was not bundled into this build (run the Maven build with node and npm installed)\n")
                        : notFound(request.path());
            }
            data = in.readAllBytes();
        } catch (IOException e) {
            return OwsResponse.text(500, "text/plain; charset=UTF-8", "Cannot read the viewer file " + name + "\n");
        }
        return OwsResponse.bytes(200, type, data).withHeader("Cache-Control",
                name.equals("index.html") ? "no-cache" : "public, max-age=300");
    }

    private static OwsResponse notFound(String path) {
        return OwsResponse.text(404, "text/plain; charset=UTF-8", "Not found: " + path + "\n");
    }
}
