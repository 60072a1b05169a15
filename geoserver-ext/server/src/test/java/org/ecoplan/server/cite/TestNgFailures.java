package org.ecoplan.server.cite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The failed tests of a TestNG suite run, read from the newest {@code testng-results.xml} under a
 * results directory, as {@code SimpleClassName.method} (one entry per failed invocation).
 * Configuration methods (set-up, preconditions) are not tests and are left out, as the runner's
 * summary does.
 */
final class TestNgFailures {
    private TestNgFailures() {}

    static List<String> read(Path resultsDir) throws Exception {
        Path file = newestResults(resultsDir);
        if (file == null) throw new IllegalStateException("no testng-results.xml under " + resultsDir);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setExpandEntityReferences(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList classes = f.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("class");
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < classes.getLength(); i++) {
            Element c = (Element) classes.item(i);
            String simple = c.getAttribute("name").substring(c.getAttribute("name").lastIndexOf('.') + 1);
            NodeList methods = c.getElementsByTagName("test-method");
            for (int j = 0; j < methods.getLength(); j++) {
                Element m = (Element) methods.item(j);
                if (!"true".equals(m.getAttribute("is-config")) && "FAIL".equals(m.getAttribute("status"))) {
                    failed.add(simple + "." + m.getAttribute("name"));
                }
            }
        }
        return failed;
    }

    private static Path newestResults(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals("testng-results.xml"))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified())).orElse(null);
        }
    }
}
