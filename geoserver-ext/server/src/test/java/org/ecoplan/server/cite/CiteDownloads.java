package org.ecoplan.server.cite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Puts into the shared tools cache what a CITE run needs besides the suite itself, from Maven
 * Central only, so that every suite can run first on a fresh machine instead of relying on an
 * earlier run of another suite: TEAM Engine (the CTL suites' engine, resolved as the runner does)
 * and the W3C and OWS schemas the WMTS suite validates with (taken from the ets-wfs20 jar).
 */
final class CiteDownloads {
    static final String TEAMENGINE_VERSION = "6.0.0-RC2";
    private static final String WFS20_JAR = "org.opengis.cite:ets-wfs20:1.25:jar:aio";
    private static final List<String> WFS20_CATALOGS = List.of("org/opengis/cite/iso19142/schema-catalog.xml",
            "org/opengis/cite/iso19136/schema-catalog.xml");

    private CiteDownloads() {}

    /** TEAM Engine's jars ({@code lib/}) and unpacked resources under {@code shared/teamengine-<version>}. */
    static Path teamEngine(Path shared) throws IOException, InterruptedException {
        Path home = shared.resolve("teamengine-" + TEAMENGINE_VERSION);
        Path lib = home.resolve("lib");
        if (!Files.isRegularFile(lib.resolve("teamengine-core-" + TEAMENGINE_VERSION + ".jar"))) {
            Files.createDirectories(home);
            Files.writeString(home.resolve("pom.xml"), """
                    <project>
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>local.cite</groupId><artifactId>teamengine-runtime</artifactId><version>1</version>
                      <packaging>pom</packaging>
                      <dependencies><dependency><groupId>org.opengis.cite.teamengine</groupId>
                        <artifactId>teamengine-core</artifactId><version>%s</version></dependency></dependencies>
                    </project>
                    """.formatted(TEAMENGINE_VERSION), StandardCharsets.UTF_8);
            mvn(home, "-f", home.resolve("pom.xml").toString(), "dependency:copy-dependencies",
                    "-DoutputDirectory=" + lib);
        }
        Path resources = home.resolve("resources");
        if (!Files.isRegularFile(resources.resolve("com/occamlab/te/scripts/parsers.ctl"))) {
            unzip(lib.resolve("teamengine-resources-" + TEAMENGINE_VERSION + ".jar"), resources);
        }
        return home;
    }

    /**
     * The schemas the ets-wfs20 jar carries for its own use (its OASIS catalogs map public schema
     * URLs to files inside it: the W3C XML and XLink schemas, OWS 1.1, GML 3.2, ...), copied into
     * the schema proxy's cache under their public host and path, as the runner does for wfs20.
     * ets-wmts10 validates against the XML, XLink and OWS 1.1 ones.
     */
    static void schemasOfWfs20Suite(Path schemas) throws IOException, InterruptedException {
        if (Files.isRegularFile(schemas.resolve("www.w3.org/2001/xml.xsd"))
                && Files.isRegularFile(schemas.resolve("schemas.opengis.net/ows/1.1.0/owsAll.xsd"))
                && Files.isRegularFile(schemas.resolve("www.w3.org/1999/xlink.xsd")))
            return;
        Path jar = mavenJar(WFS20_JAR);
        Pattern system = Pattern.compile("<system\\s+systemId=\"(https?://[^\"]+)\"\\s+uri=\"([^\"]+)\"");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String catalog : WFS20_CATALOGS) {
                var c = zip.getEntry(catalog);
                if (c == null) throw new IOException(catalog + " is not in " + jar);
                String text;
                try (InputStream in = zip.getInputStream(c)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String base = catalog.substring(0, catalog.lastIndexOf('/') + 1);
                Matcher m = system.matcher(text);
                while (m.find()) {
                    java.net.URI url = java.net.URI.create(m.group(1));
                    Path dst = schemas.resolve(url.getHost()).resolve(url.getPath().substring(1)).normalize();
                    var entry = zip.getEntry(java.net.URI.create(base).resolve(m.group(2)).normalize().toString());
                    if (entry == null || Files.isRegularFile(dst) || !dst.startsWith(schemas)) continue;
                    Files.createDirectories(dst.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, dst, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** A jar (group:artifact:version:jar[:classifier]) in the local Maven repository, resolved when absent. */
    private static Path mavenJar(String coordinate) throws IOException, InterruptedException {
        String[] c = coordinate.split(":");
        Path repo = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path jar = repo.resolve(c[0].replace('.', '/')).resolve(c[1]).resolve(c[2])
                .resolve(c[1] + "-" + c[2] + (c.length > 4 ? "-" + c[4] : "") + ".jar");
        if (!Files.isRegularFile(jar)) {
            mvn(Path.of("").toAbsolutePath(), "dependency:get", "-Dartifact=" + coordinate, "-Dtransitive=false");
        }
        return jar;
    }

    private static void mvn(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("cite-mvn", ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static void unzip(Path jar, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                Path dst = into.resolve(e.getName()).normalize();
                if (!dst.startsWith(into)) throw new IOException("entry outside the target: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(dst);
                    continue;
                }
                Files.createDirectories(dst.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, dst, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
