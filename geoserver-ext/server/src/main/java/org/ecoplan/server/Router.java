package org.ecoplan.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.ows.Dispatcher;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;

/**
 * Maps a request path to its route, GeoServer's URL layout: {@code /ows}, {@code /wms},
 * {@code /wfs}, {@code /wmts} and the endpoints' prefixes ({@code /tiles}, {@code /vtiles},
 * {@code /viewer}, {@code /wmts/rest}) publish every workspace; the same paths after a workspace
 * segment ({@code /plan/wms}) are that workspace's virtual service. The server's own pages are
 * the landing page ({@code /}, also per workspace), {@code /health} (= {@code /health/ready}) and
 * {@code /health/live}. GeoServer's own spellings
 * ({@code /geoserver/...}, GeoWebCache's {@code gwc/service/wmts|tms}) are read by {@link GeoServerPaths}.
 */
final class Router {
    /** Where a path leads, with the path the engine sees and the workspace of a virtual service. */
    record Target(Route route, String path, String workspace) {}

    private final ServerContext context;
    private final Catalog catalog;
    private final Dispatcher dispatcher;
    private final List<HttpEndpoint> endpoints;
    private final Route health;
    private final Route live;
    private final Route ows;

    Router(ServerContext context, Dispatcher dispatcher, List<HttpEndpoint> endpoints) {
        this.context = context;
        this.catalog = context.catalog();
        this.dispatcher = dispatcher;
        // longest prefix first, so "/wmts/rest" wins over a shorter one
        this.endpoints = endpoints.stream().sorted((a, b) -> b.pathPrefix().length() - a.pathPrefix().length())
                .toList();
        this.health = Route.plain(r -> health());
        this.live = Route.plain(r -> OwsResponse.text(200, "application/json", "{\"status\":\"UP\"}\n")
                .withHeader("Cache-Control", "no-store"));
        this.ows = new Route() {
            @Override
            public OwsResponse handle(OwsRequest request) { return dispatcher.dispatch(request); }

            @Override
            public OwsResponse exception(ServiceException e, OwsRequest request) {
                return dispatcher.exception(e, request);
            }
        };
    }

    Target target(String requested) {
        // empty segments ("/rest//workspaces", as some GeoServer clients write them) collapse, as servlet containers do
        String path = GeoServerPaths.plain(requested.contains("//") ? requested.replaceAll("/{2,}", "/") : requested);
        String workspace = null;
        String rest = path;
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path.substring(1) : path.substring(1, second);
        if (!first.isEmpty() && catalog.workspace(first).isPresent()) {
            workspace = first;
            rest = second < 0 ? "/" : path.substring(second);
        }
        return new Target(route(rest, workspace), rest, workspace);
    }

    /**
     * A request answered inside the server (see {@link org.ecoplan.ows.InternalDispatch}): routed like
     * one from outside, its failures thrown to the caller.
     */
    /**
     * {@code /metrics}: open where the server has no security; with security, for administrators
     * (layer names are tags), unless {@code ECOPLAN_METRICS=public}; {@code off} answers 404.
     */
    private OwsResponse metrics(OwsRequest r) {
        String mode = org.ecoplan.ows.ServerSettings.setting("ECOPLAN_METRICS", "default")
                .toLowerCase(java.util.Locale.ROOT);
        if (mode.equals("off")) throw new ServiceException("NotFound", null, "Not found: /metrics", 404);
        if (context.access().security().enabled() && !mode.equals("public")) {
            if (!r.caller().authenticated()) {
                return OwsResponse.text(401, "text/plain; charset=UTF-8", "Sign in to read the metrics\n")
                        .withHeader("WWW-Authenticate", Authenticator.CHALLENGE);
            }
            if (!r.caller().isAdmin())
                return OwsResponse.text(403, "text/plain; charset=UTF-8", "Administrators only\n");
        }
        return OwsResponse.text(200, "text/plain; version=0.0.4; charset=utf-8",
                context.component(ServerMetrics.class).scrape()).withHeader("Cache-Control", "no-store");
    }

    OwsResponse dispatchInternally(OwsRequest request) {
        return route(request.path(), request.workspace()).handle(request);
    }

    private Route route(String path, String workspace) {
        switch (path) {
            case "/health", "/health/ready" :
                // ready: every store can be read (what a load balancer routes by)
                if (workspace == null) return health;
                break;
            case "/health/live" :
                // live: the process answers (what a supervisor restarts by); a store being down is not a reason
                if (workspace == null) return live;
                break;
            case "/metrics" :
                if (workspace == null) return Route.plain(this::metrics);
                break;
            case "/", "/index.html" :
                return Route.plain(r -> OwsResponse.text(200, "text/html; charset=UTF-8",
                        LandingPage.html(context.view(r), dispatcher.services(), r)));
            case "/ows", "/wms", "/wfs", "/wmts" :
                return ows;
            default :
                for (HttpEndpoint e : endpoints) {
                    String prefix = e.pathPrefix();
                    if (path.equals(prefix) || path.startsWith(prefix + "/")) return endpointRoute(e);
                }
        }
        return Route.plain(r -> {
            throw new ServiceException("NotFound", null,
                    "Not found: " + r.endpointUrl(path).replaceFirst("^[a-z]+://[^/]*", ""), 404);
        });
    }

    private static Route endpointRoute(HttpEndpoint endpoint) {
        return new Route() {
            @Override
            public OwsResponse handle(OwsRequest request) { return endpoint.handle(request); }

            @Override
            public OwsResponse exception(ServiceException e, OwsRequest request) {
                return endpoint.exception(e, request);
            }

            @Override
            public java.util.List<String> methods(String path) { return endpoint.methods(path); }
        };
    }

    /**
     * Liveness and readiness at once: UP (200) only when every store can be read (the table of each
     * layer is looked up), DOWN (503) naming the stores that cannot, so a load balancer or an orchestrator
     * stops sending requests that would all fail.
     */
    private OwsResponse health() {
        List<String> unreadable = new ArrayList<>();
        for (var l : catalog.layers()) {
            String store = l.workspace() + ":" + l.store();
            if (unreadable.contains(store)) continue;
            try {
                if (!context.stores().get(store).hasTable(l.table())) unreadable.add(store);
            } catch (RuntimeException x) {
                unreadable.add(store);
            }
        }
        String status = unreadable.isEmpty() ? "UP" : "DOWN";
        StringBuilder b = new StringBuilder("{\"status\":\"").append(status).append("\",\"workspaces\":")
                .append(catalog.workspaces().size())
                .append(",\"layers\":").append(catalog.layers().size())
                .append(",\"groups\":").append(catalog.groups().size()).append(",\"services\":[");
        for (int i = 0; i < dispatcher.services().size(); i++) {
            if (i > 0) b.append(',');
            b.append('"').append(dispatcher.services().get(i).name()).append('"');
        }
        b.append("]");
        if (!unreadable.isEmpty()) {
            b.append(",\"unreadableStores\":[");
            for (int i = 0; i < unreadable.size(); i++)
                b.append(i > 0 ? "," : "").append('"').append(unreadable.get(i))
                        .append('"');
            b.append("]");
        }
        b.append("}\n");
        return OwsResponse.bytes(unreadable.isEmpty() ? 200 : 503, "application/json",
                b.toString().getBytes(StandardCharsets.UTF_8)).withHeader("Cache-Control", "no-store");
    }
}
