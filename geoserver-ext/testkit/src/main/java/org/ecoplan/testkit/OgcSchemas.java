package org.ecoplan.testkit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Validates documents against the OGC schemas offline: http://schemas.opengis.net/... is read from
 * the ogc-schemas jar (entries under "ogc/"), the W3C XLink and XML namespaces from small test
 * schemas, and any other URL (a DescribeFeatureType link) from the documents given.
 */
public final class OgcSchemas {
    private OgcSchemas() {}

    /**
     * Validates {@code xml} against schemas given by URL; {@code extra} maps further URLs to their
     * bytes. Returns the error messages (empty when valid).
     */
    public static List<String> validate(byte[] xml, List<String> schemaUrls, Map<String, byte[]> extra)
            throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setResourceResolver(resolver(extra));
        Source[] sources = new Source[schemaUrls.size()];
        for (int i = 0; i < sources.length; i++) {
            StreamSource s = new StreamSource(open(schemaUrls.get(i), extra));
            s.setSystemId(schemaUrls.get(i));
            sources[i] = s;
        }
        Schema schema = f.newSchema(sources);
        Validator v = schema.newValidator();
        List<String> errors = new ArrayList<>();
        v.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getMessage()); }
            @Override
            public void fatalError(SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getMessage()); }
        });
        v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        return errors;
    }

    /** Validates against schemas given by URL (http://schemas.opengis.net/...); the errors, empty when valid. */
    public static List<String> validate(byte[] xml, String... schemaUrls) throws Exception {
        return validate(xml, List.of(schemaUrls), Map.of());
    }

    public static InputStream open(String url, Map<String, byte[]> extra) {
        if (extra.containsKey(url)) return new ByteArrayInputStream(extra.get(url));
        String path;
        if (url.startsWith("http://schemas.opengis.net/"))
            path = "ogc/" + url.substring("http://schemas.opengis.net/".length());
        else
            if (url.equals("http://www.w3.org/1999/xlink.xsd")) path = "org/ecoplan/testkit/xlink.xsd";
            else if (url.equals("http://www.w3.org/2001/xml.xsd")) path = "org/ecoplan/testkit/xml.xsd";
            else throw new IllegalArgumentException("no offline copy of " + url);
        InputStream in = OgcSchemas.class.getClassLoader().getResourceAsStream(path);
        if (in == null) throw new IllegalArgumentException("missing resource " + path + " for " + url);
        return in;
    }

    private static LSResourceResolver resolver(Map<String, byte[]> extra) {
        return (type, ns, publicId, systemId, baseUri) -> {
            String url = systemId;
            if (url == null) return null;
            if (!url.startsWith("http") && baseUri != null) url = java.net.URI.create(baseUri).resolve(url).toString();
            String resolved = url;
            InputStream in = open(resolved, extra);
            return new LSInput() {
                @Override
                public Reader getCharacterStream() { return null; }
                @Override
                public void setCharacterStream(Reader r) {}
                @Override
                public InputStream getByteStream() { return in; }
                @Override
                public void setByteStream(InputStream s) {}
                @Override
                public String getStringData() { return null; }
                @Override
                public void setStringData(String s) {}
                @Override
                public String getSystemId() { return resolved; }
                @Override
                public void setSystemId(String s) {}
                @Override
                public String getPublicId() { return publicId; }
                @Override
                public void setPublicId(String s) {}
                @Override
                public String getBaseURI() { return resolved; }
                @Override
                public void setBaseURI(String s) {}
                @Override
                public String getEncoding() { return null; }
                @Override
                public void setEncoding(String s) {}
                @Override
                public boolean getCertifiedText() { return false; }
                @Override
                public void setCertifiedText(boolean b) {}
            };
        };
    }

    public static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
