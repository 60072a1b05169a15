package org.ecoplan.server.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of a test's own (initdb into a temporary directory, a free port on
 * 127.0.0.1, trust authentication, PostGIS from the machine's packages), so a test may stop and
 * start the database without touching the shared one other tests use. As root, the server binaries
 * run as the {@code postgres} user, which they require. Where the binaries are missing the test is
 * skipped, except under {@code CI=true}, where that is a failure.
 */
final class ScratchPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final Path data;
    final int port;

    ScratchPostgres() throws IOException, InterruptedException {
        this.bin = binaries();
        this.dir = Files.createTempDirectory("ecoplan-pg");
        this.data = dir.resolve("data");
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        if (asRoot()) run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--no-sync"), true);
        start();
        execute("CREATE EXTENSION postgis");
    }

    /** The JDBC URL of the cluster's {@code postgres} database. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"),
                true);
    }

    /** Stops the cluster the way an administrator's restart does: sessions ended, no new ones taken. */
    void stop() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), true);
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql) {
        try (Connection c = DriverManager.getConnection(url());
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stop();
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        Path found = null;
        if (Files.isDirectory(root)) {
            try (var versions = Files.list(root)) {
                found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))))
                        .orElse(null);
            } catch (IOException e) {
                found = null;
            }
        }
        if (found == null) {
            if ("true".equals(System.getenv("CI")))
                throw new IllegalStateException("PostgreSQL server binaries (initdb) not found under " + root);
            Assumptions.abort("PostgreSQL server binaries (initdb) not found under " + root);
        }
        return found;
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres && asRoot()) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        if (p.exitValue() != 0)
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + out);
    }
}
