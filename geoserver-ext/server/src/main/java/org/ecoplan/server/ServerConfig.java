package org.ecoplan.server;

import java.nio.file.Path;
import org.ecoplan.ows.ServerSettings;

/**
 * How to start a server: listening port (0 = any free port), the data directory (with layers/,
 * styles/, data/ of every workspace; the repository root ships one), and the limits.
 */
public record ServerConfig(int port, String host, Path workspace, ServerSettings settings) {

    /**
     * PORT (8080), HOST (0.0.0.0), ECOPLAN_DATA_DIR (the system property ecoplan.workspace, else the
     * current directory) and the ECOPLAN_* limits.
     */
    public static ServerConfig fromEnvironment() {
        String port = System.getenv().getOrDefault("PORT", "8080");
        String host = System.getenv().getOrDefault("HOST", "0.0.0.0");
        String ws = System.getProperty("ecoplan.workspace", System.getenv().getOrDefault("ECOPLAN_DATA_DIR", "."));
        int p;
        try {
            p = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number, not '" + port + "'");
        }
        return new ServerConfig(p, host, Path.of(ws), ServerSettings.fromEnvironment());
    }
}
