package org.ecoplan.server.cite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the CTL suite ets-wmts10 1.11 needs around the shared runner, which runs it with TEAM
 * Engine but was written before a WMTS server existed here:
 * <ul>
 * <li>The scripts load {@code rewriteNonException.xsl} and their XML Schemas
 * ({@code xsd/ogc/wmts/1.0/*.xsd}, {@code xsd/w3c/xlink.xsd}) as class-path resources, which the
 * suite jar carries in its {@code src/main/resources}; they are laid over a private copy of TEAM
 * Engine's resources directory (the runner's class path starts with it).</li>
 * <li>Some validations take {@code xsd/ogc/...} as a file path relative to the working directory
 * of TEAM Engine (the results directory), so that directory gets an {@code xsd} link.</li>
 * <li>The WMTS schemas import GML 3.1.1 and the W3C XLink schema from the public schema hosts; the
 * schema proxy serves them from the cache, seeded here from the ogc-schemas jar on the test class
 * path and from the W3C XLink schema already in the cache.</li>
 * </ul>
 */
final class Wmts10Suite {
    static final String VERSION = "1.11";
    static final String TEAMENGINE_VERSION = CiteDownloads.TEAMENGINE_VERSION;

    private Wmts10Suite() {}

    /** ETS_WMTS10_CTL_DIR, else the scripts shipped in the tools directory, else null. */
    static Path ctlScripts() {
        return EtsRunner.ctlScripts("ETS_WMTS10_CTL_DIR", "ets-wmts10-" + VERSION);
    }

    /** The suite's class-path resources: the {@code src/main/resources} beside the CTL scripts. */
    static Path resources(Path ctl) {
        return ctl.resolve("../../resources").normalize();
    }

    /**
     * Makes {@code cache} (a run cache, see {@link EtsCache}) hold a TEAM Engine directory of its
     * own whose resources include the suite's, before {@link EtsCache} links the shared one there.
     */
    static void prepareTeamEngine(Path sharedCache, Path cache, Path suiteResources) throws IOException {
        Path sharedTe = sharedCache.resolve("teamengine-" + TEAMENGINE_VERSION);
        Path te = cache.resolve("teamengine-" + TEAMENGINE_VERSION);
        if (Files.isSymbolicLink(te)) Files.delete(te);
        Files.createDirectories(te);
        Path lib = te.resolve("lib");
        if (!Files.exists(lib, LinkOption.NOFOLLOW_LINKS))
            Files.createSymbolicLink(lib, sharedTe.resolve("lib").toAbsolutePath());
        Path res = te.resolve("resources");
        copyTree(sharedTe.resolve("resources"), res);
        copyTree(suiteResources.resolve("xsd"), res.resolve("xsd"));
        Files.copy(suiteResources.resolve("rewriteNonException.xsl"), res.resolve("rewriteNonException.xsl"),
                StandardCopyOption.REPLACE_EXISTING);
        Path xlink = w3cXlink(sharedCache.resolve("schemas"));
        Files.copy(xlink, res.resolve("xsd/w3c/xlink.xsd"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Seeds GML 3.1.1 (from the ogc-schemas jar) and the 1999 XLink location into the proxy's schema cache. */
    static void seedSchemas(Path schemas) throws IOException {
        Path xlink1999 = schemas.resolve("www.w3.org/1999/xlink.xsd");
        if (!Files.isRegularFile(xlink1999)) {
            Files.createDirectories(xlink1999.getParent());
            Files.copy(w3cXlink(schemas), xlink1999, StandardCopyOption.REPLACE_EXISTING);
        }
        Path gml = schemas.resolve("schemas.opengis.net/gml/3.1.1");
        for (String f : GML_311_FILES) {
            Path dst = gml.resolve(f);
            if (Files.isRegularFile(dst)) continue;
            try (InputStream in = Wmts10Suite.class.getClassLoader().getResourceAsStream("ogc/gml/3.1.1/" + f)) {
                if (in == null)
                    throw new IOException(
                            "ogc/gml/3.1.1/" + f + " is not in the ogc-schemas jar on the test class path");
                Files.createDirectories(dst.getParent());
                Files.copy(in, dst);
            }
        }
    }

    /** The W3C XLink 1.1 schema (the one the 2012 OGC schemas import), as the schema cache holds it. */
    static Path w3cXlink(Path schemas) throws IOException {
        for (String p : List.of("www.w3.org/1999/xlink.xsd", "www.w3.org/XML/2008/06/xlink.xsd")) {
            Path f = schemas.resolve(p);
            if (Files.isRegularFile(f)) return f;
        }
        throw new IOException("the W3C XLink schema is not in " + schemas + " (www.w3.org/XML/2008/06/xlink.xsd)");
    }

    /** A results directory in which TEAM Engine finds {@code xsd/...} relative to its working directory. */
    static Path resultsDir(Path dir, Path teResources) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("xsd"), teResources.resolve("xsd").toAbsolutePath());
        return dir;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dst = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dst);
                else Files.copy(p, dst, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The GML 3.1.1 files that wmtsGetFeatureInfo_response.xsd pulls in (gml.xsd and everything it includes). */
    private static final List<String> GML_311_FILES = List.of(
            "base/basicTypes.xsd", "base/coordinateOperations.xsd", "base/coordinateReferenceSystems.xsd",
            "base/coordinateSystems.xsd", "base/coverage.xsd", "base/dataQuality.xsd", "base/datums.xsd",
            "base/defaultStyle.xsd", "base/dictionary.xsd", "base/direction.xsd", "base/dynamicFeature.xsd",
            "base/feature.xsd", "base/geometryAggregates.xsd", "base/geometryBasic0d1d.xsd", "base/geometryBasic2d.xsd",
            "base/geometryComplexes.xsd", "base/geometryPrimitives.xsd", "base/gml.xsd", "base/gmlBase.xsd",
            "base/grids.xsd", "base/measures.xsd", "base/observation.xsd", "base/referenceSystems.xsd",
            "base/temporal.xsd", "base/temporalReferenceSystems.xsd", "base/temporalTopology.xsd", "base/topology.xsd",
            "base/units.xsd", "base/valueObjects.xsd", "smil/smil20-language.xsd", "smil/smil20.xsd");
}
