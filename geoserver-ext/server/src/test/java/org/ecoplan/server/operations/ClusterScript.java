package org.ecoplan.server.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.ecoplan.server.ServerFixture;

/**
 * A cluster started by {@code bin/cluster} in a directory of its own, as the cluster tests drive it:
 * the script's commands, the proxy's and replicas' URLs, an administrator's requests, and a load of
 * requests through the proxy.
 */
final class ClusterScript {
    final Path dir;
    final int proxy;

    ClusterScript(Path dir, int proxy) {
        this.dir = dir;
        this.proxy = proxy;
    }

    static String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-pass");
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Runs bin/cluster COMMAND DIR ARGS... with the environment given (plus the state it keeps in DIR). */
    void run(Map<String, String> env, String command, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ServerFixture.workspace().resolve("bin/cluster").toString(), command,
                dir.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/cluster " + command + " did not finish");
        }
        assertEquals(0, p.exitValue(), "bin/cluster " + String.join(" ", cmd.subList(1, cmd.size())) + ":\n" + out);
    }

    /** A replica's port, from the state bin/cluster keeps. */
    int replicaPort(int n) throws IOException {
        String key = "REPLICA_" + n + "_PORT=";
        for (String line : java.nio.file.Files.readAllLines(dir.resolve("cluster.env")))
            if (line.startsWith(key)) return Integer.parseInt(line.substring(key.length()));
        throw new IllegalStateException("no " + key + " in cluster.env");
    }

    /**
     * Two clients asking the proxy for the paths in turn, counting every answer; the ones {@code accepted}
     * refuses (status and response) are failures.
     */
    final class Load implements AutoCloseable {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong requests = new AtomicLong();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final List<String> cut = Collections.synchronizedList(new ArrayList<>());
        private volatile long outageFrom;
        private volatile long outageTo;
        private final List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> threads = new ArrayList<>();
        private final String name;

        Load(String name, List<String> paths, BiPredicate<String, HttpResponse<byte[]>> accepted) {
            this.name = name;
            for (int t = 0; t < 2; t++) {
                Thread th = new Thread(() -> {
                    int i = 0;
                    while (running.get()) {
                        String path = paths.get(i++ % paths.size());
                        long started = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url(proxy, path)))
                                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
                            statuses.add(r.statusCode());
                            if (!accepted.test(path, r))
                                failures.add(path + ": " + r.statusCode() + " " + new String(r.body()));
                        } catch (IOException e) {
                            if (inOutage(started) && brokenOff(e)) cut.add(path + ": " + e);
                            else failures.add(path + ": " + e);
                        } catch (InterruptedException e) {
                            return;
                        }
                        requests.incrementAndGet();
                    }
                });
                th.start();
                threads.add(th);
            }
        }

        long total() { return requests.get(); }

        /**
         * From now until {@link #outageOver}, a request whose answer breaks off is counted apart: an
         * answer already streaming when its database stops can only be cut (its 200 is sent), which
         * the client sees as an incomplete body, never as a complete wrong one.
         */
        void outageStarts() { outageFrom = System.nanoTime(); }

        void outageOver() { outageTo = System.nanoTime(); }

        private boolean inOutage(long started) {
            return outageFrom != 0 && started >= outageFrom - TimeUnit.SECONDS.toNanos(60)
                    && (outageTo == 0 || started <= outageTo);
        }

        /** Whether the exception is an answer that broke off mid-body (not a refused or timed-out request). */
        private static boolean brokenOff(IOException e) {
            String m = String.valueOf(e.getMessage());
            return m.contains("chunked transfer encoding") || m.contains("EOF") || m.contains("closed")
                    || m.contains("fixed content-length");
        }

        /** The answers cut off by an outage. */
        List<String> cut() { return List.copyOf(cut); }

        /** Whether some answer had this status. */
        boolean saw(int status) { return statuses.contains(status); }

        /** Waits until the load has sent that many requests (a guard ends a stuck wait, it measures nothing). */
        void awaitRequests(long n) throws InterruptedException {
            long guard = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (requests.get() < n && System.nanoTime() < guard) Thread.sleep(10);
            assertTrue(requests.get() >= n, "the load is moving: " + requests.get() + " of " + n);
        }

        void assertNoFailure() {
            assertEquals(List.of(), List.copyOf(failures), "failed requests at the proxy out of " + total());
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) t.join(TimeUnit.MINUTES.toMillis(2));
            System.out.println(name + ": " + total() + " requests through the proxy, " + failures.size() + " failed");
        }
    }
}
