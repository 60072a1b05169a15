package org.ecoplan.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Geometry;

/**
 * Streams the Placemarks of a KML 2.2 file (OGC 07-147r2) with StAX, at any depth of Document and
 * Folder: properties {@code name}, {@code description}, ExtendedData {@code Data name=/value} and
 * {@code SchemaData/SimpleData name=}; geometry from {@link KmlGeometry}. KML coordinates are
 * always longitude, latitude on WGS 84 (07-147r2 §16.9), hence {@link #crs()} is CRS:84. A
 * document type declaration is refused outright rather than parsed: KML needs none, and a DTD is
 * how entity-expansion and external-entity attacks get in.
 */
final class KmlReader extends RecordStream {
    private final String name;
    private final InputStream in;
    private final XMLStreamReader xml;
    private long index;

    KmlReader(Path file, String name) {
        this.name = name;
        try {
            this.in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new FormatException(name, "file not found");
        } catch (IOException e) {
            throw new FormatException(name, "cannot read: " + e.getMessage(), e);
        }
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            this.xml = f.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            close();
            throw malformed(e);
        }
    }

    @Override
    public Optional<String> crs() { return Optional.of("CRS:84"); }

    @Override
    protected FormatRecord advance() {
        try {
            return nextPlacemark();
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private FormatRecord nextPlacemark() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new FormatException(at(), "a document type declaration (DTD) is not allowed in KML");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new FormatException(at(), "entity reference &" + xml.getLocalName() + "; is not allowed");
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Placemark")) {
                return placemark();
            }
        }
        return null;
    }

    private FormatRecord placemark() throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        Map<String, Object> properties = new LinkedHashMap<>();
        List<FormatRecord.Problem> problems = new ArrayList<>();
        Geometry geometry = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new FormatException(at(), "entity reference &" + xml.getLocalName() + "; is not allowed");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            String el = xml.getLocalName();
            switch (el) {
                case "name", "description" -> properties.put(el, emptyToNull(xml.getElementText()));
                case "Data" -> properties.put(attribute("name"), emptyToNull(dataValue()));
                case "SimpleData" -> properties.put(attribute("name"), emptyToNull(xml.getElementText()));
                case "Point", "LineString", "LinearRing", "Polygon", "MultiGeometry" -> {
                    KmlGeometry.Result g = KmlGeometry.read(xml);
                    if (g.problem() != null) problems.add(new FormatRecord.Problem("geometry", g.problem()));
                    else if (geometry == null) geometry = g.geometry();
                    else problems.add(new FormatRecord.Problem("geometry", "more than one geometry in a Placemark"));
                }
                default -> depth++;
            }
        }
        return new FormatRecord(++index, line, properties, geometry, problems);
    }

    /** A Data element's value child; the cursor ends on Data's end tag. */
    private String dataValue() throws XMLStreamException {
        String value = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("value")) value = xml.getElementText();
                else depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return value;
    }

    private String attribute(String local) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(local)) return xml.getAttributeValue(i);
        }
        throw new FormatException(at(), "<" + xml.getLocalName() + "> without a '" + local + "' attribute");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String at() {
        Location l = xml.getLocation();
        return name + ":" + l.getLineNumber() + ":" + l.getColumnNumber();
    }

    private FormatException malformed(XMLStreamException e) {
        Location l = e.getLocation();
        String where = l == null ? name : name + ":" + l.getLineNumber() + ":" + l.getColumnNumber();
        String msg = e.getMessage();
        int cut = msg == null ? -1 : msg.indexOf("Message: ");
        return new FormatException(where, "malformed XML: " + (cut >= 0 ? msg.substring(cut + 9) : msg), e);
    }

    @Override
    public void close() {
        try {
            if (xml != null) xml.close();
        } catch (XMLStreamException ignored) {
            // read-only: a failed close loses nothing
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // as above
        }
    }
}
