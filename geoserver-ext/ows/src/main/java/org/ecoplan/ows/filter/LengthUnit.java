package org.ecoplan.ows.filter;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The units a distance of DWithin / Beyond may be given in (FES 2.0 clause 7.8.3.3, the
 * {@code uom} attribute; Filter 1.x {@code units}; ECQL DWITHIN units), with their size in metres
 * or, for {@link #DEGREE}, as an angle. Names are accepted as symbols ("m", "km"), words
 * ("meters", "kilometres", "statute miles"), UCUM codes and EPSG unit URNs / URIs.
 */
public enum LengthUnit {
    METRE(1.0, Set.of("m", "meter", "meters", "metre", "metres", "9001")),
    KILOMETRE(1000.0,
            Set.of("km", "kilometer", "kilometers", "kilometre", "kilometres", "9036")),
    CENTIMETRE(0.01,
            Set.of("cm", "centimeter", "centimeters", "centimetre", "centimetres", "1033")),
    MILLIMETRE(0.001,
            Set.of("mm", "millimeter", "millimeters", "millimetre", "millimetres", "1025")),
    FOOT(0.3048, Set.of("ft", "foot", "feet", "[ft_i]", "9002")),
    STATUTE_MILE(1609.344,
            Set.of("mi", "mile", "miles", "statute mile", "statute miles", "[mi_i]",
                    "9093")),
    NAUTICAL_MILE(1852.0,
            Set.of("nmi", "nautical mile", "nautical miles", "[nmi_i]",
                    "9030")),
    /** An angle: converted to length only through a CRS, see {@link DistanceConversion}. */
    DEGREE(Double.NaN, Set.of("deg", "degree", "degrees", "°", "9102", "9122"));

    private final double metres;
    private final Set<String> names;

    LengthUnit(double metres, Set<String> names) {
        this.metres = metres;
        this.names = names;
    }

    /** Metres per unit (NaN for degrees). */
    public double metres() { return metres; }

    /**
     * The unit for a name; EPSG unit URNs ("urn:ogc:def:uom:EPSG::9001") and URIs
     * ("http://www.opengis.net/def/uom/EPSG/0/9001", ".../UCUM/0/km") are reduced to their last part.
     */
    public static Optional<LengthUnit> of(String name) {
        if (name == null) return Optional.empty();
        String n = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (n.startsWith("urn:ogc:def:uom:") || n.startsWith("http://www.opengis.net/def/uom/")
                || n.startsWith("https://www.opengis.net/def/uom/")) {
            n = n.substring(Math.max(n.lastIndexOf(':'), n.lastIndexOf('/')) + 1);
        }
        if (n.startsWith("#")) n = n.substring(1);
        for (LengthUnit u : values()) if (u.names.contains(n)) return Optional.of(u);
        return Optional.empty();
    }
}
