package org.ecoplan.ows.filter;

import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.xml.FilterXmlParser;
import org.ecoplan.ows.ServiceException;
import org.w3c.dom.Element;

/**
 * Reads a complete FES 2.0 / Filter 1.1 / Filter 1.0 {@code Filter} element for one feature type:
 * comparison, logical and identifier operators through the catalog's {@link FilterXmlParser},
 * spatial operators through {@link FesSpatialOperatorParser}, temporal operators through
 * {@link FesTemporalOperators}. The result is in the layer's native CRS.
 */
public final class FesFilterParser {
    private final FeatureType type;
    private final CrsName defaultCrs;
    private final AxisConvention convention;

    /**
     * @param type       the feature type the filter applies to
     * @param defaultCrs CRS of GML geometries without srsName; null means the type's native CRS in
     *                   its URN form (as WFS 2.0 advertises it as DefaultCRS)
     * @param convention axis order rule for srsName forms
     */
    public FesFilterParser(FeatureType type, CrsName defaultCrs, AxisConvention convention) {
        this.type = type;
        this.defaultCrs = defaultCrs != null ? defaultCrs : defaultCrs(type);
        this.convention = convention;
    }

    /** WFS 1.1 / 2.0 rules: default CRS the native one in URN form, axis order by srsName form. */
    public FesFilterParser(FeatureType type) {
        this(type, null, AxisConvention.BY_FORM);
    }

    /** The native CRS of a type named in URN form (authority axis order), or EPSG:4490 without geometry. */
    public static CrsName defaultCrs(FeatureType type) {
        String urn = type.hasGeometry() ? type.geometry().crs().urn() : CrsRegistry.CGCS2000.urn();
        return CrsRegistry.parse(urn).orElseThrow();
    }

    /**
     * Parses the filter element (not modified: temporal operators are rewritten on a copy).
     *
     * @throws QueryException naming the offending operator, property or value
     */
    public Filter parse(Element filter) {
        Element copy = (Element) filter.cloneNode(true);
        Element rewritten = new FesTemporalOperators(type).rewrite(copy);
        return new FilterXmlParser(type, new FesSpatialOperatorParser(type, defaultCrs, convention)).parse(rewritten);
    }

    /**
     * Like {@link #parse(Element)} for a filter given in a request parameter or body: a
     * QueryException becomes an InvalidParameterValue {@link ServiceException} with the locator.
     */
    public Filter parse(Element filter, String locator) {
        try {
            return parse(filter);
        } catch (QueryException e) {
            throw invalid(locator, e);
        }
    }

    static ServiceException invalid(String locator, QueryException e) {
        return new ServiceException(e.code() != null ? e.code() : ServiceException.INVALID_PARAMETER_VALUE, locator,
                (locator == null ? "" : locator + ": ") + e.getMessage());
    }
}
