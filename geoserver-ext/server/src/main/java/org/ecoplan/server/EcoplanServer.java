package org.ecoplan.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
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
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceException;

/**
 * The HTTP server: Jetty with one handler that serves {@code /health}, the landing page and the
 * OWS endpoints ({@code /ows}, {@code /wms}, {@code /wfs}). The only class family that knows Jetty.
 */
public final class EcoplanServer implements AutoCloseable {
    /** A replaced catalog's stores close when its last request is done, and at the latest 20 × this later. */
    static final long RETIRE_AFTER_MS = 30_000;

    private final Server jetty;
    private final ServerConfig config;
    private final java.nio.file.Path securityDir;
    private final AuditLog audit;
    private final AtomicReference<Generation> current;
    private final ServerMetrics metrics;
    private final ScheduledExecutorService retirer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ecoplan-retire");
        t.setDaemon(true);
        return t;
    });

    /**
     * What one validated catalog serves with: its context (stores, map core), services, endpoints
     * and router. A reload builds a new one beside the running one and swaps it in whole, so a
     * request is answered entirely by the old catalog or entirely by the new.
     */
    record Generation(ServerContext context, Dispatcher dispatcher, Router router, InFlight inFlight) {
        /**
         * @param securityDir the security directory, resolved once at start (a reload reads the same one)
         * @param audit       the audit log, one for the server's life
         */
        static Generation build(ServerConfig config, java.nio.file.Path securityDir, AuditLog audit,
                java.util.function.Supplier<ServerContext> live) {
            ServerContext context = ServerContext.open(config.workspace(), config.settings(), securityDir);
            List<OwsService> services = new ArrayList<>();
            List<HttpEndpoint> endpoints = new ArrayList<>();
            try {
                for (OwsServiceProvider p : ServiceLoader.load(OwsServiceProvider.class))
                    services.add(p.create(context));
                for (HttpEndpointProvider p : ServiceLoader.load(HttpEndpointProvider.class))
                    endpoints.addAll(p.create(context));
                endpoints.add(new RestEndpoint(context, audit, securityDir, live));
                endpoints.add(new GwcRestEndpoint(context));
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
            Dispatcher dispatcher = new Dispatcher(services);
            Router router = new Router(context, dispatcher, endpoints);
            context.register(org.ecoplan.ows.InternalDispatch.class, router::dispatchInternally);
            InFlight work = new InFlight();
            context.register(InFlight.class, work);
            return new Generation(context, dispatcher, router, work);
        }
    }

    /**
     * Looked up when used, not held in a static field: main() chooses the logging configuration
     * (ECOPLAN_LOG_FORMAT) before the first logger exists, and this class is loaded before main() runs.
     */
    private static org.slf4j.Logger clusterLog() {
        return org.slf4j.LoggerFactory.getLogger("ecoplan.cluster");
    }

    /** The cluster this replica belongs to, or null when it runs alone. */
    private ClusterCatalog cluster;
    private CatalogFiles catalogFiles;
    /** The cluster catalog version this replica serves; guarded by {@link DataDirectoryChange#LOCK}. */
    private long catalogVersion;

    private EcoplanServer(Server jetty, ServerConfig config, java.nio.file.Path securityDir, AuditLog audit,
            AtomicReference<Generation> current) {
        this.jetty = jetty;
        this.config = config;
        this.securityDir = securityDir;
        this.audit = audit;
        this.current = current;
        Generation first = current.get();
        this.metrics = new ServerMetrics(() -> current.get().context());
        first.context().register(ServerMetrics.class, metrics);
    }

    /** Validates the catalog, opens the stores and starts listening; fails with every catalog error at once. */
    public static EcoplanServer start(ServerConfig config) throws Exception {
        java.nio.file.Path securityDir = AccessControl.securityDir(config.workspace());
        AuditLog audit = AuditLog.of(config.workspace());
        // a replica of a cluster takes the cluster's catalog files before reading any
        ClusterCatalog cluster = ClusterCatalog.fromEnvironment(origin(config));
        CatalogFiles files = new CatalogFiles(config.workspace(), securityDir);
        long joined = 0;
        if (cluster != null) {
            ClusterCatalog.Snapshot s = cluster.join(files.read());
            if (!files.same(s.files())) files.replaceWith(s.files());
            joined = s.version();
        }
        AtomicReference<Generation> holder = new AtomicReference<>();
        Generation first = Generation.build(config, securityDir, audit, () -> holder.get().context());
        holder.set(first);

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("ecoplan-http");
        Server jetty = new Server(threads);
        // minimum data rates are checked by HttpExchange (MinimumDataRate); the idle timeout ends a
        // connection that sends or takes nothing at all
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // an empty path segment is read as none (GeoServer's container does the same); other ambiguities stay refused
        http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.DEFAULT.with("empty segments",
                org.eclipse.jetty.http.UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setIdleTimeout(Long.parseLong(ServerSettings.setting("ECOPLAN_IDLE_TIMEOUT_MS", "30000")));
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        EcoplanServer server = new EcoplanServer(jetty, config, securityDir, audit, holder);
        server.cluster = cluster;
        server.catalogFiles = files;
        server.catalogVersion = joined;
        first.context().register(Reloader.class, server::reload);
        // SIGTERM (the JVM's shutdown hook calls close()) stops taking connections, then lets the
        // requests in flight finish, up to ECOPLAN_STOP_TIMEOUT_MS, before the stores close
        org.eclipse.jetty.server.handler.GracefulHandler graceful = new org.eclipse.jetty.server.handler.GracefulHandler();
        ClientAddress clientAddress = ClientAddress.fromEnvironment();
        graceful.setHandler(
                server.new Root(config.settings().maxRequestBytes(), HttpPolicy.fromEnvironment(), clientAddress));
        jetty.setHandler(graceful);
        jetty.setStopTimeout(Long.parseLong(ServerSettings.setting("ECOPLAN_STOP_TIMEOUT_MS", "30000")));
        jetty.setRequestLog(new AccessLog(clientAddress));
        // what Jetty answers itself (a malformed request line, headers too large) is plain text, not its HTML page
        jetty.setErrorHandler(new PlainErrorHandler(() -> server.current.get().router()));
        try {
            jetty.start();
        } catch (Exception e) {
            first.context().close();
            if (cluster != null) cluster.close();
            throw e;
        }
        if (cluster != null) cluster.listen(server::catalogPublished);
        return server;
    }

    /** How this replica names itself in the cluster catalog: host, port and process. */
    private static String origin(ServerConfig config) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + config.port() + " pid " + ProcessHandle.current().pid();
    }

    /**
     * A version of the cluster's catalog was published (by any replica, this one included): when it is
     * newer than this replica's, its files are written over the local ones and the server reloads, all
     * or nothing like any other change. A version that fails the local checks is logged and tried again
     * at the listener's next check; the catalog served stays as it was meanwhile.
     */
    private void catalogPublished(long version) {
        synchronized (DataDirectoryChange.LOCK) {
            if (version <= catalogVersion) return;
            ClusterCatalog.Snapshot s = cluster.read();
            if (s.version() <= catalogVersion) return;
            try {
                java.util.List<DataDirectoryChange> changes = catalogFiles.changesTo(s.files());
                Runnable apply = () -> reload(false);
                for (int i = changes.size() - 1; i >= 0; i--) {
                    DataDirectoryChange c = changes.get(i);
                    Runnable inner = apply;
                    apply = () -> c.apply(inner);
                }
                apply.run();
                catalogVersion = s.version();
                clusterLog().info("cluster: catalog version {} of {} applied", s.version(), s.origin());
            } catch (RuntimeException e) {
                // not marked as applied: the listener's next check tries again, and until then this replica
                // refuses changes of its own (publishing, it would find the cluster ahead of it)
                clusterLog().error("cluster: catalog version {} of {} not applied (tried again later): {}",
                        s.version(), s.origin(), e.getMessage());
            }
        }
    }

    /** Rebuilds the server's catalog from its data directory, without a restart. */
    @FunctionalInterface
    interface Reloader {
        /**
         * Validates the data directory and, when it is valid, serves it from the next request on.
         *
         * @throws CatalogException listing every error; the running catalog is left as it was
         */
        void reload();
    }

    /**
     * Reads, validates and opens the data directory again and swaps it in; the replaced catalog's
     * stores close once the requests reading them are done. One reload at a time.
     *
     * @throws CatalogException listing every error; nothing changes then
     */
    public void reload() {
        reload(true);
    }

    /**
     * @param publish whether a replica of a cluster publishes the files it now serves to the others (a
     *                change made here), or only serves them (a change another replica published)
     */
    private void reload(boolean publish) {
        synchronized (DataDirectoryChange.LOCK) {
            Generation next = Generation.build(config, securityDir, audit, () -> current.get().context());
            if (publish && cluster != null) {
                // published only once it passed the checks, and before it is served: a change the other
                // replicas cannot hear of is not made at all (the caller puts the files back)
                try {
                    catalogVersion = cluster.publish(catalogFiles.read(), catalogVersion);
                } catch (RuntimeException e) {
                    next.context().close();
                    throw e;
                }
            }
            next.context().register(Reloader.class, this::reload);
            next.context().register(ServerMetrics.class, metrics);
            retire(current.getAndSet(next));
        }
    }

    /**
     * Closes a replaced generation's stores once no request it answers is in flight (checked each
     * second; after {@link #RETIRE_AFTER_MS} × 20 it closes anyway, so a stuck request cannot keep
     * a database pool open for ever).
     */
    private void retire(Generation old) {
        long since = System.currentTimeMillis();
        java.util.concurrent.ScheduledFuture<?>[] task = new java.util.concurrent.ScheduledFuture<?>[1];
        task[0] = retirer.scheduleWithFixedDelay(() -> {
            if (!old.inFlight().idle() && System.currentTimeMillis() - since < RETIRE_AFTER_MS * 20) return;
            old.context().close();
            task[0].cancel(false);
        }, 1000, 1000, TimeUnit.MILLISECONDS);
    }

    public int port() { return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort(); }

    public ServerContext context() { return current.get().context(); }

    public Dispatcher dispatcher() { return current.get().dispatcher(); }

    public void join() throws InterruptedException { jetty.join(); }

    @Override
    public void close() throws Exception {
        if (cluster != null) cluster.close();
        jetty.stop();
        retirer.shutdownNow();
        current.get().context().close();
    }

    /** Routes a request by path, answers it inside the error boundary and writes the answer. */
    private final class Root extends Handler.Abstract {
        private final int maxBodyBytes;
        private final HttpPolicy policy;
        private final ClientLimiter clients = ClientLimiter.fromEnvironment();
        private final ClientAddress clientAddress;
        private final CorsOrigins cors = CorsOrigins.fromEnvironment();
        private final OperationLimiter operations = OperationLimiter.fromEnvironment();

        Root(int maxBodyBytes, HttpPolicy policy, ClientAddress clientAddress) {
            this.maxBodyBytes = maxBodyBytes;
            this.policy = policy;
            this.clientAddress = clientAddress;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            // one generation answers the whole request, whatever a reload does meanwhile
            long started = System.nanoTime();
            Generation g = current.get();
            g.inFlight().begin();
            String id = RequestId.of(request.getHeaders().get(RequestId.HEADER));
            response.getHeaders().put(RequestId.HEADER, id);
            org.slf4j.MDC.put(RequestId.MDC_KEY, id);
            try {
                return answer(g, request, response, callback, started);
            } finally {
                org.slf4j.MDC.remove(RequestId.MDC_KEY);
                g.inFlight().end();
            }
        }

        private boolean answer(Generation g, Request request, Response response, Callback callback, long started) {
            ServerContext context = g.context();
            Router.Target t = g.router().target(request.getHttpURI().getPath());
            cors.allow(request, response);
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            if (HttpMethods.preflight(request, response, callback, t.route(), t.path())) return true;
            OwsResponse answer;
            OwsRequest read = HttpExchange.bare(request, t.path(), t.workspace());
            ClientLimiter.Turn turn = () -> {};
            try {
                HttpMethods.require(request.getMethod(), t.route(), t.path());
                // /health answers a load balancer's probe even when the client limit is reached
                boolean probe = t.workspace() == null
                        && (t.path().equals("/health") || t.path().startsWith("/health/"));
                String address = clientAddress.of(request);
                if (!probe) turn = clients.acquire(address);
                read = HttpExchange.read(request, maxBodyBytes, t.path(), t.workspace(), policy);
                if (!probe) {
                    read = read.withCaller(context.access().authenticator()
                            .authenticate(read.header("authorization"), address));
                    ClientLimiter.Turn client = turn;
                    ClientLimiter.Turn operation = operations.acquire(read);
                    turn = () -> {
                        operation.close();
                        client.close();
                    };
                }
                answer = ErrorBoundary.answer(t.route(), read);
            } catch (AuthenticationFailure e) {
                OwsResponse report = ErrorBoundary.failed(t.route(), e, read);
                answer = new OwsResponse(e.httpStatus(), report.contentType(), report.headers(), report.body())
                        .withHeader(e.headerName(), e.header());
            } catch (ServiceException e) {
                answer = ErrorBoundary.failed(t.route(), e, read);
            } catch (IOException e) {
                answer = ErrorBoundary.failed(t.route(), new ServiceException(ServiceException.INVALID_PARAMETER_VALUE,
                        null, "Cannot read the request: " + e.getMessage(), 400), read);
            }
            OwsRequest asked = read;
            if (answer.status() == 405)
                response.getHeaders().put(HttpHeader.ALLOW, HttpMethods.allowed(t.route(), t.path()));
            answer = context.access().privateWhenSecured(answer, read.caller());
            try (ClientLimiter.Turn held = turn) {
                HttpExchange.write(answer, request, response, callback, policy,
                        e -> ErrorBoundary.report(t.route(), e, asked));
            }
            // the caller's view is built only for a request that names a layer
            metrics.record(asked, () -> context.view(asked), answer.status(), System.nanoTime() - started);
            return true;
        }
    }

    public static void main(String[] args) throws Exception {
        // before any logger exists: JSON lines for log collectors when asked (ECOPLAN_LOG_FORMAT=json)
        if ("json".equalsIgnoreCase(System.getenv("ECOPLAN_LOG_FORMAT"))
                && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
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
