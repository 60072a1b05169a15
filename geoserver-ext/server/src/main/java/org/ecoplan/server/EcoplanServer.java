package org.ecoplan.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.ecoplan.catalog.config.CatalogException;
import org.ecoplan.ows.Dispatcher;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.HttpEndpointProvider;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.OwsService;
import org.ecoplan.ows.OwsServiceProvider;
import org.ecoplan.ows.ServiceException;

/**
 * The HTTP server: Jetty with one handler that serves {@code /health}, the landing page and the
 * OWS endpoints ({@code /ows}, {@code /wms}, {@code /wfs}). The only class family that knows Jetty.
 */
public final class EcoplanServer implements AutoCloseable {
    private final Server jetty;
    private final Workspace workspace;
    private final Dispatcher dispatcher;
    private final List<HttpEndpoint> endpoints;

    private EcoplanServer(Server jetty, Workspace workspace, Dispatcher dispatcher, List<HttpEndpoint> endpoints) {
        this.jetty = jetty;
        this.workspace = workspace;
        this.dispatcher = dispatcher;
        // longest prefix first, so "/tiles/vector" wins over "/tiles"
        this.endpoints = endpoints.stream()
                .sorted((a, b) -> b.pathPrefix().length() - a.pathPrefix().length()).toList();
    }

    /** Validates the catalog, opens the stores and starts listening; fails with every catalog error at once. */
    public static EcoplanServer start(ServerConfig config) throws Exception {
        Workspace workspace = Workspace.open(config.workspace(), config.settings());
        List<OwsService> services = new ArrayList<>();
        for (OwsServiceProvider p : ServiceLoader.load(OwsServiceProvider.class)) services.add(p.create(workspace));
        Dispatcher dispatcher = new Dispatcher(services);
        List<HttpEndpoint> endpoints = new ArrayList<>();
        for (HttpEndpointProvider p : ServiceLoader.load(HttpEndpointProvider.class))
            endpoints.addAll(p.create(workspace));

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("ecoplan-http");
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        EcoplanServer server = new EcoplanServer(jetty, workspace, dispatcher, endpoints);
        jetty.setHandler(server.new Root(config.settings().maxRequestBytes()));
        jetty.setRequestLog(new AccessLog());
        // what Jetty answers itself (a malformed request line, headers too large) is plain text, not its HTML page
        jetty.setErrorHandler(new PlainErrorHandler());
        try {
            jetty.start();
        } catch (Exception e) {
            workspace.close();
            throw e;
        }
        return server;
    }

    public int port() { return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort(); }

    public Workspace workspace() { return workspace; }

    public Dispatcher dispatcher() { return dispatcher; }

    public void join() throws InterruptedException { jetty.join(); }

    @Override
    public void close() throws Exception {
        jetty.stop();
        workspace.close();
    }

    /** Routes a request by path, answers it inside the error boundary and writes the answer. */
    private final class Root extends Handler.Abstract {
        private final int maxBodyBytes;
        private final Route health = Route.plain(r -> health());
        private final Route landing = Route.plain(r -> OwsResponse.text(200, "text/html; charset=UTF-8",
                LandingPage.html(workspace.catalog(), dispatcher.services())));
        private final Route ows = new Route() {
            @Override
            public OwsResponse handle(OwsRequest request) { return dispatcher.dispatch(request); }

            @Override
            public OwsResponse exception(ServiceException e, OwsRequest request) {
                return dispatcher.exception(e, request);
            }
        };

        Root(int maxBodyBytes) { this.maxBodyBytes = maxBodyBytes; }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = request.getHttpURI().getPath();
            Route route = route(path);
            OwsResponse answer;
            try {
                answer = ErrorBoundary.answer(route, HttpExchange.read(request, maxBodyBytes));
            } catch (ServiceException e) {
                answer = ErrorBoundary.failed(route, e, HttpExchange.bare(request));
            } catch (IOException e) {
                answer = ErrorBoundary.failed(route, new ServiceException(ServiceException.INVALID_PARAMETER_VALUE,
                        null, "Cannot read the request: " + e.getMessage(), 400), HttpExchange.bare(request));
            }
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            HttpExchange.write(answer, request, response, callback);
            return true;
        }

        private Route route(String path) {
            switch (path) {
                case "/health" :
                    return health;
                case "/", "/index.html" :
                    return landing;
                case "/ows", "/wms", "/wfs", "/wmts" :
                    return ows;
                default :
                    for (HttpEndpoint e : endpoints) {
                        String prefix = e.pathPrefix();
                        if (path.equals(prefix) || path.startsWith(prefix + "/")) return endpointRoute(e);
                    }
                    return Route.plain(
                            r -> OwsResponse.text(404, "text/plain; charset=UTF-8", "Not found: " + path + "\n"));
            }
        }

        private Route endpointRoute(HttpEndpoint endpoint) {
            return new Route() {
                @Override
                public OwsResponse handle(OwsRequest request) { return endpoint.handle(request); }

                @Override
                public OwsResponse exception(ServiceException e, OwsRequest request) {
                    return endpoint.exception(e, request);
                }
            };
        }

        private OwsResponse health() {
            StringBuilder b = new StringBuilder("{\"status\":\"UP\",\"layers\":")
                    .append(workspace.catalog().layers().size())
                    .append(",\"groups\":").append(workspace.catalog().groups().size()).append(",\"services\":[");
            for (int i = 0; i < dispatcher.services().size(); i++) {
                if (i > 0) b.append(',');
                b.append('"').append(dispatcher.services().get(i).name()).append('"');
            }
            b.append("]}\n");
            return OwsResponse.bytes(200, "application/json", b.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.fromEnvironment();
        EcoplanServer server;
        try {
            server = start(config);
        } catch (CatalogException e) {
            System.err.println("Invalid catalog in " + config.workspace().toAbsolutePath() + "\n" + e.getMessage());
            System.exit(2);
            return;
        } catch (Exception e) {
            // a taken port surfaces as an IOException from Jetty: say so in one line, not a trace
            String why = e instanceof java.net.BindException
                    ? "port " + config.port() + " is in use (set PORT)"
                    : e.getMessage();
            System.err.println("Cannot start: " + why);
            System.exit(1);
            return;
        }
        System.out.println("ecoplan listening on http://localhost:" + server.port() + "/ (workspace "
                + config.workspace().toAbsolutePath().normalize() + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // JVM is exiting
            }
        }));
        server.join();
    }
}
