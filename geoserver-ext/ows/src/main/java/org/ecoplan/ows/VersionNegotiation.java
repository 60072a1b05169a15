package org.ecoplan.ows;

import java.util.List;

/**
 * Which version of a service answers a request, decided in one place for every service.
 * <ul>
 * <li>{@link #negotiate}: WMS 1.3.0 (06-042) clause 6.2.4, for a GetCapabilities VERSION.</li>
 * <li>{@link #accept}: OWS Common 1.1 (06-121r3) clause 7.3.2, for AcceptVersions: the highest
 * listed version the server has, VersionNegotiationFailed when it has none.</li>
 * <li>{@link #exact}: the VERSION of any other request, which names one version.</li>
 * </ul>
 * Versions are given highest first.
 */
public final class VersionNegotiation {
    private final List<String> supported;

    /** @param supported the versions the service speaks, highest first */
    public VersionNegotiation(List<String> supported) {
        if (supported.isEmpty()) throw new IllegalArgumentException("a service speaks at least one version");
        this.supported = List.copyOf(supported);
    }

    public List<String> supported() { return supported; }

    public String highest() { return supported.get(0); }

    /**
     * 06-042 clause 6.2.4: the requested version if supported; one higher than every supported
     * version gets the highest; one lower than all gets the lowest; one in between gets the highest
     * supported version below it; none gets the highest.
     *
     * @throws ServiceException InvalidParameterValue (locator {@code locator}) when the text is not a version number
     */
    public String negotiate(String requested, String locator) {
        if (requested == null || requested.isBlank()) return highest();
        int[] asked = parse(requested.trim(), locator);
        for (String v : supported) if (compare(parse(v, locator), asked) <= 0) return v;
        return supported.get(supported.size() - 1);
    }

    /**
     * 06-121r3 clause 7.3.2: of a comma-separated AcceptVersions list, the highest version served;
     * an absent list means the highest.
     *
     * @throws ServiceException VersionNegotiationFailed when no listed version is served
     */
    public String accept(String acceptVersions) {
        if (acceptVersions == null || acceptVersions.isBlank()) return highest();
        for (String v : supported) {
            for (String asked : acceptVersions.split(",")) if (v.equals(asked.trim())) return v;
        }
        throw new ServiceException(ServiceException.VERSION_NEGOTIATION_FAILED, "AcceptVersions",
                "None of the versions " + acceptVersions + " is served (" + String.join(", ", supported) + ")");
    }

    /** The supported version a VERSION value names exactly, or null. */
    public String exact(String requested) {
        if (requested == null) return null;
        String t = requested.trim();
        return supported.contains(t) ? t : null;
    }

    private static int[] parse(String version, String locator) {
        String[] parts = version.split("\\.", -1);
        if (parts.length > 3) throw badVersion(version, locator);
        int[] n = new int[3];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 9 || !p.chars().allMatch(Character::isDigit)) {
                throw badVersion(version, locator);
            }
            n[i] = Integer.parseInt(p);
        }
        return n;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
        return 0;
    }

    private static ServiceException badVersion(String v, String locator) {
        return new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, locator,
                locator + " must be a version number like 1.3.0, not '" + v + "'");
    }
}
