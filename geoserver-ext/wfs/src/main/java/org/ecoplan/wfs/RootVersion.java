package org.ecoplan.wfs;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the version attribute of an XML request's root element without parsing the document,
 * so that an error about an unparseable body is still reported in the version the client used.
 */
final class RootVersion {
    private static final Pattern VERSION = Pattern
            .compile("<[A-Za-z_][\\w.:-]*\\b[^>]*?\\sversion\\s*=\\s*[\"']([0-9.]+)[\"']");

    private RootVersion() {}

    static String sniff(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        // skip the XML declaration, whose version is XML's own
        int start = head.startsWith("<?xml") ? Math.max(0, head.indexOf("?>") + 2) : 0;
        Matcher m = VERSION.matcher(head);
        return m.find(start) ? m.group(1) : null;
    }
}
