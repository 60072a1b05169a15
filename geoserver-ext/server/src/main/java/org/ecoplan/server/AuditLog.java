package org.ecoplan.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who changed the configuration, what, when, and the content before and after (as SHA-256 of each
 * file, so the log holds no data and no secret): one JSON line per change, appended to
 * {@code ECOPLAN_AUDIT_LOG}, else {@code var/audit.log} in the data directory.
 */
final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    AuditLog(Path file) {
        this.file = file;
    }

    static AuditLog of(Path dataDir) {
        String f = org.ecoplan.ows.ServerSettings.setting("ECOPLAN_AUDIT_LOG", null);
        return new AuditLog(f != null ? Path.of(f) : dataDir.resolve("var/audit.log"));
    }

    Path file() { return file; }

    /** One change: by whom, the request, the outcome and each file's hash before and after ("" for absent). */
    synchronized void record(String who, String method, String path, String outcome, List<Map<String, String>> files) {
        record(who, method, path, null, outcome, files);
    }

    /** @param what what was changed, where the request path does not say (a user, token or rule name; never a secret) */
    synchronized void record(String who, String method, String path, String what, String outcome,
            List<Map<String, String>> files) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("user", who);
        line.put("request", method + " " + path);
        if (what != null) line.put("what", what);
        line.put("outcome", outcome);
        line.put("files", files);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the change itself stands; an unwritable log is reported, not silently lost
            System.getLogger("ecoplan.audit").log(System.Logger.Level.ERROR, "cannot write the audit log " + file
                    + ": " + e.getMessage() + "; " + line);
        }
    }
}
