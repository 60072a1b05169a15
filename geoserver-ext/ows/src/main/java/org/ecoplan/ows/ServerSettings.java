package org.ecoplan.ows;

/**
 * Operational limits and switches, read from the environment at start-up (defaults in
 * parentheses), so a deployment can tighten them without a rebuild.
 *
 * @param maxImageWidth        WMS/WMTS maximum WIDTH (4096)
 * @param maxImageHeight       maximum HEIGHT (4096)
 * @param maxRenderMillis      render time limit per map (60000)
 * @param maxConcurrentRenders renders running at once; more wait, then get ServiceUnavailable (2 × cores)
 * @param maxFeatures          WFS maximum features per response (10000)
 * @param requestTimeoutMillis time limit for a whole request (120000)
 * @param maxRequestBytes      maximum POST body (10 MiB)
 * @param countTimeoutMillis   time spent counting a WFS 2.0 query's matches before numberMatched is
 *                             answered "unknown" (10000; WFS 2.0 clause 11.3.3.2 allows it)
 */
public record ServerSettings(int maxImageWidth, int maxImageHeight, long maxRenderMillis, int maxConcurrentRenders,
        int maxFeatures, long requestTimeoutMillis, int maxRequestBytes, long countTimeoutMillis) {

    /** The limits with the default count budget. */
    public ServerSettings(int maxImageWidth, int maxImageHeight, long maxRenderMillis, int maxConcurrentRenders,
            int maxFeatures, long requestTimeoutMillis, int maxRequestBytes) {
        this(maxImageWidth, maxImageHeight, maxRenderMillis, maxConcurrentRenders, maxFeatures, requestTimeoutMillis,
                maxRequestBytes, DEFAULT_COUNT_TIMEOUT_MILLIS);
    }

    private static final long DEFAULT_COUNT_TIMEOUT_MILLIS = 10_000;

    /** The same limits with another count budget. */
    public ServerSettings withCountTimeoutMillis(long millis) {
        return new ServerSettings(maxImageWidth, maxImageHeight, maxRenderMillis, maxConcurrentRenders, maxFeatures,
                requestTimeoutMillis, maxRequestBytes, millis);
    }

    public static ServerSettings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServerSettings(4096, 4096, 60_000, Math.max(2, 2 * cores), 10_000, 120_000, 10 << 20);
    }

    /** Defaults overridden by ECOPLAN_* environment variables or system properties of the same name. */
    public static ServerSettings fromEnvironment() {
        ServerSettings d = defaults();
        return new ServerSettings(
                intSetting("ECOPLAN_MAX_WIDTH", d.maxImageWidth),
                intSetting("ECOPLAN_MAX_HEIGHT", d.maxImageHeight),
                intSetting("ECOPLAN_MAX_RENDER_MS", (int) d.maxRenderMillis),
                intSetting("ECOPLAN_MAX_CONCURRENT_RENDERS", d.maxConcurrentRenders),
                intSetting("ECOPLAN_MAX_FEATURES", d.maxFeatures),
                intSetting("ECOPLAN_REQUEST_TIMEOUT_MS", (int) d.requestTimeoutMillis),
                intSetting("ECOPLAN_MAX_REQUEST_BYTES", d.maxRequestBytes),
                intSetting("ECOPLAN_COUNT_TIMEOUT_MS", (int) d.countTimeoutMillis));
    }

    /** A setting by name: a system property, else an environment variable, else the fallback (blank counts as unset). */
    public static String setting(String name, String fallback) {
        String v = System.getProperty(name, System.getenv(name));
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int intSetting(String name, int fallback) {
        String v = setting(name, null);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive integer, not '" + v + "'");
        }
    }
}
