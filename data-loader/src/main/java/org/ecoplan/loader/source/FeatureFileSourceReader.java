package org.ecoplan.loader.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.ecoplan.formats.FeatureFileReader;
import org.ecoplan.formats.FormatException;
import org.ecoplan.formats.FormatRecord;
import org.ecoplan.loader.SourceException;

/**
 * A reader of the formats module (Shapefile, 界址点坐标, KML) as a loader source: records map one
 * to one, {@link FormatException} becomes {@link SourceException} with the same location, and the
 * file's CRS is known at open, so the loader can take it as the source CRS.
 */
final class FeatureFileSourceReader implements SourceReader {
    /**
     * The 界址点坐标 parcel fields under the pinyin-initial names Chinese land databases use
     * (DKBH 地块编号, DLBM 地类编码 as in the 第三次全国国土调查 schema), lower-cased: layer attribute
     * names are ASCII identifiers.
     */
    static final Map<String, String> JZD_NAMES = Map.of("地块编号", "dkbh", "地块名称", "dkmc", "地块面积", "dkmj",
            "图形属性", "txsx", "图幅号", "tfh", "地块用途", "dkyt", "地类编码", "dlbm");

    private final FeatureFileReader reader;
    private final Map<String, String> names;

    FeatureFileSourceReader(FeatureFileReader reader, Map<String, String> names) {
        this.reader = reader;
        this.names = names;
    }

    /**
     * Runs an open call of the formats module, translating its exception.
     *
     * @param names property names to rename, others are kept
     */
    static SourceReader open(Supplier<FeatureFileReader> opener, Map<String, String> names) {
        try {
            return new FeatureFileSourceReader(opener.get(), names);
        } catch (FormatException e) {
            throw translate(e);
        }
    }

    static SourceException translate(FormatException e) {
        return new SourceException(e.location(), e.reason(), e);
    }

    @Override
    public boolean hasNext() {
        try {
            return reader.hasNext();
        } catch (FormatException e) {
            throw translate(e);
        }
    }

    @Override
    public SourceRecord next() {
        FormatRecord r;
        try {
            r = reader.next();
        } catch (FormatException e) {
            throw translate(e);
        }
        List<SourceRecord.Problem> problems = new ArrayList<>();
        for (FormatRecord.Problem p : r.problems())
            problems.add(new SourceRecord.Problem(names.getOrDefault(p.field(), p.field()), p.message()));
        Map<String, Object> properties = new LinkedHashMap<>();
        r.properties().forEach((k, v) -> properties.put(names.getOrDefault(k, k), v));
        return new SourceRecord(r.index(), null, r.line(), properties, r.geometry(), problems);
    }

    @Override
    public Optional<String> declaredCrs() { return reader.crs(); }

    @Override
    public boolean crsKnownAtOpen() { return true; }

    @Override
    public Optional<String> crsText() { return reader.crsText(); }

    @Override
    public OptionalLong size() { return reader.size(); }

    @Override
    public void close() {
        reader.close();
    }
}
