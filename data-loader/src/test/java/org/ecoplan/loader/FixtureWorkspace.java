package org.ecoplan.loader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A writable copy of the test workspace (src/test/resources/workspace) and a way to run the CLI on it. */
final class FixtureWorkspace {
    /** One CLI run: exit code, standard output (the report) and standard error (progress). */
    record Run(int code, String out, String err) {
        @Override
        public String toString() { return "exit " + code + "\n--- out\n" + out + "--- err\n" + err; }
    }

    final Path root;

    private FixtureWorkspace(Path root) { this.root = root; }

    static FixtureWorkspace copy(Path dir) {
        Path target = dir.resolve("ws");
        Path source = resource("workspace");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FixtureWorkspace(target);
    }

    static Path resource(String name) {
        try {
            return Path.of(FixtureWorkspace.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces a workspace file by a file from src/test/resources/broken. */
    void replace(String file, String broken) throws IOException {
        Files.copy(resource("broken/" + broken), root.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    void write(String file, byte[] bytes) throws IOException {
        Files.write(root.resolve(file), bytes);
    }

    void write(String file, String utf8) throws IOException {
        Files.writeString(root.resolve(file), utf8);
    }

    String read(String file) throws IOException {
        return Files.readString(root.resolve(file));
    }

    /** Runs the CLI with --data-dir set to this data directory after the command word. */
    Run run(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--data-dir", root.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DataLoader.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
