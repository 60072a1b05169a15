package org.ecoplan.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.SourceConfig;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.loader.check.AttributeValueParser;
import org.ecoplan.loader.check.DerivedMeasures;
import org.ecoplan.loader.check.GeometryCheck;
import org.ecoplan.loader.source.CsvSourceReader;
import org.ecoplan.loader.source.SourceReader;
import org.ecoplan.loader.source.SourceReaders;
import org.ecoplan.loader.source.SourceRecord;

/**
 * Reads one layer's source and checks every feature against the layer's schema: each property
 * declared, values of the declared type and code list, required values present, derived values
 * absent from the source (they are computed here, see {@link DerivedMeasures}), and the geometry
 * as {@link GeometryCheck} says. Every error is added to the report, not just the first.
 */
public final class LayerValidator {
    static final int PROGRESS_EVERY = 1000;

    private final Path workspace;
    private final boolean repair;
    private final ErrorReport report;
    private final PrintWriter progress;
    private final String encoding;

    public LayerValidator(Path workspace, boolean repair, ErrorReport report, PrintWriter progress) {
        this(workspace, repair, report, progress, null);
    }

    /** @param encoding text encoding of Shapefile and jzd sources whose configuration names none, or null */
    public LayerValidator(Path workspace, boolean repair, ErrorReport report, PrintWriter progress, String encoding) {
        this.workspace = workspace;
        this.repair = repair;
        this.report = report;
        this.progress = progress;
        this.encoding = encoding;
    }

    /** Reads and checks a layer, holding its features; null when its source could not be read at all. */
    public ValidatedLayer validate(LayerConfig layer) {
        return validate(layer, true);
    }

    /**
     * Reads and checks a layer; null when its source could not be read at all (the report says why).
     *
     * @param hold keep the features in memory (for data rules); otherwise keep nothing and let the
     *             write read the source again
     */
    public ValidatedLayer validate(LayerConfig layer, boolean hold) {
        String layerFile = relative(layer.location().file()) + ":" + layer.location().line();
        Start start = start(layer, layerFile);
        if (start == null) return null;
        SourceConfig source = layer.source();
        String name = source.file();
        FeatureType type = layer.featureType();
        Crs sourceCrs = start.crs();
        int before = report.count();
        List<Feature> features = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        long passed = 0;
        try (SourceReader reader = SourceReaders.open(workspace.resolve(name), name, source, encoding)) {
            if (type.hasGeometry() && reader instanceof CsvSourceReader csv && !csv.hasGeometryColumns()) {
                report.add(layerFile, null, null,
                        "the CSV source of a layer with geometry needs option 'wkt' or 'lon' + 'lat'");
                return null;
            }
            if (reader.crsKnownAtOpen() && type.hasGeometry()) {
                sourceCrs = crsAtOpen(reader, source, sourceCrs, name);
                if (sourceCrs == null) return null;
            }
            ReadProgress read = new ReadProgress(progress, layer.id(), reader.size());
            GeometryCheck geometryCheck = new GeometryCheck(type.geometry(), sourceCrs, repair);
            DerivedMeasures derived = type.hasGeometry() ? new DerivedMeasures(type.geometry().crs()) : null;
            while (reader.hasNext()) {
                SourceRecord r = reader.next();
                Feature f = check(layer, r, name, geometryCheck, derived, report, true);
                if (f != null) {
                    passed++;
                    if (hold) {
                        features.add(f);
                        labels.add(label(r));
                    }
                }
                read.feature();
            }
            if (!reader.crsKnownAtOpen()) checkDeclaredCrs(reader.declaredCrs(), sourceCrs, name);
        } catch (SourceException e) {
            report.add(e.location(), null, null, e.reason());
            return null;
        }
        int errors = report.count() - before;
        progress.println(layer.id() + ": " + passed + " features checked, " + errors + " error(s)");
        if (hold) return new ValidatedLayer(layer, features, labels, name, version(layer), errors);
        Crs checkedCrs = sourceCrs;
        String version = version(layer);
        return ValidatedLayer.streamed(layer, () -> replay(layer, checkedCrs, version), passed, name, version, errors);
    }

    /** What reading a layer's source starts from: the CRS its coordinates are in (null: no geometry). */
    private record Start(Crs crs) {}

    /** The start of a layer's reading; null after reporting why there is none (no source, unknown source CRS). */
    private Start start(LayerConfig layer, String layerFile) {
        SourceConfig source = layer.source();
        if (source == null) {
            report.add(layerFile, null, null, "layer '" + layer.id() + "' has no 'source': nothing to load");
            return null;
        }
        FeatureType type = layer.featureType();
        Crs sourceCrs = type.hasGeometry() ? type.geometry().crs() : null;
        if (source.crs() != null) sourceCrs = CrsRegistry.decode(source.crs()).orElse(null);
        if (type.hasGeometry() && sourceCrs == null) {
            report.add(layerFile, null, null, "unknown source CRS '" + source.crs() + "'");
            return null;
        }
        return new Start(sourceCrs);
    }

    /**
     * A layer to be checked while it is written, in one reading of its source: the features the
     * store is given are those that pass, checked as they are read; every error goes to the report
     * as it is found, and the load commits only when the report stays empty. Null after reporting a
     * configuration problem found before reading (no source, unknown source CRS).
     */
    public ValidatedLayer checkedWhileWritten(LayerConfig layer) {
        String layerFile = relative(layer.location().file()) + ":" + layer.location().line();
        Start start = start(layer, layerFile);
        if (start == null) return null;
        SourceConfig source = layer.source();
        Crs configured = start.crs();
        String version;
        try {
            version = version(layer);
        } catch (SourceException e) {
            report.add(e.location(), null, null, e.reason());
            return null;
        }
        return ValidatedLayer.streamed(layer, () -> reading(layer, configured, layerFile, version), -1, source.file(),
                version, 0);
    }

    /**
     * One checking reading of a layer's source, as an iteration over the features that pass; at the end
     * the source is hashed again: a file replaced while it was read is an error, so no mix of two
     * deliveries is committed under one content version.
     */
    private FeatureReplay.Features reading(LayerConfig layer, Crs configured, String layerFile, String version) {
        SourceConfig source = layer.source();
        String name = source.file();
        FeatureType type = layer.featureType();
        int before = report.count();
        SourceReader opened;
        Crs crs = configured;
        try {
            opened = SourceReaders.open(workspace.resolve(name), name, source, encoding);
            if (type.hasGeometry() && opened instanceof CsvSourceReader csv && !csv.hasGeometryColumns()) {
                report.add(layerFile, null, null,
                        "the CSV source of a layer with geometry needs option 'wkt' or 'lon' + 'lat'");
                opened.close();
                return FeatureReplay.NONE;
            }
            if (opened.crsKnownAtOpen() && type.hasGeometry()) {
                crs = crsAtOpen(opened, source, crs, name);
                if (crs == null) {
                    opened.close();
                    return FeatureReplay.NONE;
                }
            }
        } catch (SourceException e) {
            report.add(e.location(), null, null, e.reason());
            return FeatureReplay.NONE;
        }
        try {
            return reading(layer, opened, crs, before, version);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private FeatureReplay.Features reading(LayerConfig layer, SourceReader opened, Crs crs, int before,
            String version) {
        String name = layer.source().file();
        FeatureType type = layer.featureType();
        SourceReader reader = opened;
        Crs sourceCrs = crs;
        ReadProgress read = new ReadProgress(progress, layer.id(), reader.size());
        GeometryCheck geometryCheck = new GeometryCheck(type.geometry(), sourceCrs, repair);
        DerivedMeasures derived = type.hasGeometry() ? new DerivedMeasures(type.geometry().crs()) : null;
        long[] passed = {0};
        return new SourceFeatures(reader, r -> {
            Feature f = check(layer, r, name, geometryCheck, derived, report, true);
            read.feature();
            if (f != null) passed[0]++;
            return f;
        }, () -> {
            if (!reader.crsKnownAtOpen()) checkDeclaredCrs(reader.declaredCrs(), sourceCrs, name);
            if (!version(layer).equals(version))
                report.add(name, null, null, "changed while it was read; nothing was written");
            progress.println(layer.id() + ": " + passed[0] + " features checked, " + (report.count() - before)
                    + " error(s)");
        }, e -> report.add(e.location(), null, null, e.reason()));
    }

    /**
     * The features of a checked layer read again from its source, with the same attribute checks and
     * geometry repairs as the first time but without the geometry validity test: the source's hash,
     * taken again once the last feature is read, proves it is the file that passed. A record that
     * fails now, or another hash, means the source changed since, and ends the write.
     */
    private FeatureReplay.Features replay(LayerConfig layer, Crs sourceCrs, String version) {
        SourceConfig source = layer.source();
        String name = source.file();
        FeatureType type = layer.featureType();
        SourceReader reader = SourceReaders.open(workspace.resolve(name), name, source, encoding);
        GeometryCheck geometryCheck = new GeometryCheck(type.geometry(), sourceCrs, repair);
        DerivedMeasures derived = type.hasGeometry() ? new DerivedMeasures(type.geometry().crs()) : null;
        return new SourceFeatures(reader, r -> {
            ErrorReport again = new ErrorReport();
            Feature f = check(layer, r, name, geometryCheck, derived, again, false);
            if (f == null) {
                throw new SourceException(name, "changed since it was checked (" + again.lines().get(0)
                        + "); nothing was written");
            }
            return f;
        }, () -> {
            if (!version(layer).equals(version))
                throw new SourceException(name, "changed since it was checked; nothing was written");
        }, null);
    }

    /**
     * The features of a source as it is read: {@code each} makes a record a feature (or null, to skip
     * it), {@code atEnd} runs once the source is exhausted, and a source that cannot be read on goes to
     * {@code onFailure} and ends the iteration (null: the exception goes to the caller).
     */
    private static final class SourceFeatures implements FeatureReplay.Features {
        private final SourceReader reader;
        private final java.util.function.Function<SourceRecord, Feature> each;
        private final Runnable atEnd;
        private final java.util.function.Consumer<SourceException> onFailure;
        private Feature next;
        private boolean done;

        SourceFeatures(SourceReader reader, java.util.function.Function<SourceRecord, Feature> each, Runnable atEnd,
                java.util.function.Consumer<SourceException> onFailure) {
            this.reader = reader;
            this.each = each;
            this.atEnd = atEnd;
            this.onFailure = onFailure;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null && !done) {
                    if (!reader.hasNext()) {
                        done = true;
                        atEnd.run();
                        break;
                    }
                    next = each.apply(reader.next());
                }
            } catch (SourceException e) {
                if (onFailure == null) throw e;
                // a file that cannot be read on is one error; what was read is not committed
                onFailure.accept(e);
                done = true;
                next = null;
            }
            return next != null;
        }

        @Override
        public Feature next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            Feature f = next;
            next = null;
            return f;
        }

        @Override
        public void close() { reader.close(); }
    }

    /**
     * One record checked: the feature, or null after adding its errors to {@code report}.
     *
     * @param announce the first reading: the geometry fully checked, repairs printed on the progress stream;
     *                 otherwise (a streamed layer written) converted only, see {@link GeometryCheck#convert}
     */
    private Feature check(LayerConfig layer, SourceRecord r, String name, GeometryCheck geometryCheck,
            DerivedMeasures derived, ErrorReport report, boolean announce) {
        String file = r.line() > 0 ? name + ":" + r.line() : name;
        String label = label(r);
        int before = report.count();
        for (SourceRecord.Problem p : r.problems()) report.add(file, label, p.field(), p.message());
        FeatureType type = layer.featureType();
        Map<String, Object> values = new LinkedHashMap<>();
        for (var e : r.properties().entrySet()) {
            Optional<AttributeDescriptor> a = type.attribute(e.getKey());
            if (a.isEmpty()) {
                report.add(file, label, e.getKey(),
                        "unknown property (not an attribute of layer '" + layer.id() + "')");
            } else if (a.get().derive() != null) {
                if (e.getValue() != null) {
                    report.add(file, label, e.getKey(), "derived attribute (" + a.get().derive()
                            + ") is computed by the loader; remove it from the source");
                }
            } else {
                try {
                    values.put(e.getKey(), AttributeValueParser.parse(e.getValue(), a.get()));
                } catch (IllegalArgumentException ex) {
                    report.add(file, label, e.getKey(), ex.getMessage());
                }
            }
        }
        for (AttributeDescriptor a : type.attributes()) {
            if (a.required() && a.derive() == null && values.get(a.name()) == null && !failed(r, a)) {
                report.add(file, label, a.name(), "required value missing");
            }
        }
        GeometryCheck.Outcome g = announce
                ? geometryCheck.check(r.geometry())
                : new GeometryCheck.Outcome(geometryCheck.convert(r.geometry()), List.of(), null);
        String geometryField = type.hasGeometry() ? type.geometry().name() : "geometry";
        boolean unreadable = r.problems().stream().anyMatch(p -> p.field() != null && p.field().equals(geometryField)
                || "geometry".equals(p.field()));
        if (!unreadable) for (String m : g.errors()) report.add(file, label, geometryField, m);
        if (g.repaired() != null && announce)
            progress.println(file + ": " + label + ", field '" + geometryField + "': " + g.repaired());
        if (report.count() > before) return null;
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (AttributeDescriptor a : type.attributes()) {
            if (a.derive() == null) attributes.put(a.name(), values.get(a.name()));
            else attributes.put(a.name(), g.geometry() == null ? null : derived.value(a.derive(), g.geometry()));
        }
        return new Feature(layer.id() + "." + r.index(), attributes, g.geometry());
    }

    private static boolean failed(SourceRecord r, AttributeDescriptor a) {
        // a value that was present but unreadable is reported once, as what it is
        Object raw = r.properties().get(a.name());
        return raw != null && !(raw instanceof String s && s.isBlank());
    }

    /**
     * The source CRS of a file that names its CRS when opened (a .prj, a 界址点坐标 header, KML):
     * source.crs when set and agreeing with the file, else the file's; null after reporting why
     * neither will do. Checked before reading, so a wrong CRS is one error, not one per feature.
     */
    private Crs crsAtOpen(SourceReader reader, SourceConfig source, Crs configured, String name) {
        Optional<String> declared = reader.declaredCrs();
        if (declared.isEmpty()) {
            if (source.crs() != null) return configured;
            if (reader.crsText().isPresent()) {
                report.add(name, null, "crs", "the CRS in the file (.prj) is not one the loader can name"
                        + " (CGCS2000 and its Gauss-Krüger zones, WGS 84, Web Mercator, or an EPSG authority);"
                        + " set source.crs to the CRS of the coordinates");
            } else {
                report.add(name, null, "crs", "no .prj: set source.crs to the CRS of the coordinates"
                        + " (e.g. EPSG:4490, or EPSG:4526 for CGCS2000 Gauss-Krüger zone 38)");
            }
            return null;
        }
        if (source.crs() == null) {
            Optional<Crs> crs = CrsRegistry.decode(declared.get());
            if (crs.isEmpty())
                report.add(name, null, "crs", "unknown CRS '" + declared.get() + "' declared in the file");
            return crs.orElse(null);
        }
        int before = report.count();
        checkDeclaredCrs(declared, configured, name);
        return report.count() > before ? null : configured;
    }

    private void checkDeclaredCrs(Optional<String> declared, Crs sourceCrs, String name) {
        if (declared.isEmpty()) return;
        Optional<Crs> crs = CrsRegistry.decode(declared.get());
        if (crs.isEmpty()) {
            report.add(name, null, "crs", "unknown CRS '" + declared.get() + "' declared in the file");
        } else if (sourceCrs == null) {
            report.add(name, null, "crs", "the file declares CRS " + crs.get() + " but the layer has no geometry");
        } else if (!GeometryTransformer.isIdentity(crs.get(), sourceCrs)) {
            report.add(name, null, "crs", "the file declares CRS " + crs.get() + " but the layer configuration says "
                    + sourceCrs + " (set source.crs to the file's CRS, or fix the file)");
        }
    }

    private static String label(SourceRecord r) {
        return "feature " + r.index() + (r.id() != null ? " (id '" + r.id() + "')" : "");
    }

    private String relative(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path ws = workspace.toAbsolutePath().normalize();
        return abs.startsWith(ws) ? ws.relativize(abs).toString() : abs.toString();
    }

    /** The source file and, for a .shp, the files that belong to it: a changed .dbf is a changed layer. */
    private static List<Path> sourceFiles(Path file) {
        String f = file.getFileName().toString();
        if (!f.toLowerCase(java.util.Locale.ROOT).endsWith(".shp")) return List.of(file);
        List<Path> out = new ArrayList<>(List.of(file));
        String base = f.substring(0, f.length() - 4);
        for (String ext : List.of("shx", "dbf", "prj", "cpg")) {
            for (String e : List.of(ext, ext.toUpperCase(java.util.Locale.ROOT))) {
                Path p = file.resolveSibling(base + "." + e);
                if (Files.isRegularFile(p)) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * SHA-256 of the layer configuration file, the source bytes and the repair switch: equal
     * inputs give an equal version, any change gives a new one.
     */
    private String version(LayerConfig layer) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Files.readAllBytes(layer.location().file()));
            md.update((byte) 0);
            for (Path file : sourceFiles(workspace.resolve(layer.source().file()))) {
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buf = new byte[64 * 1024];
                    for (int n; (n = in.read(buf)) > 0;) md.update(buf, 0, n);
                }
                md.update((byte) 0);
            }
            md.update((byte) (repair ? 1 : 0));
            // the same .dbf read in another encoding is other data
            if (encoding != null) md.update(encoding.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new SourceException(layer.source().file(), "cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
