package org.ecoplan.wms;

/**
 * The exception codes of WMS 1.3.0 (06-042 Table E.1) and WMS 1.1.1 (01-068r3 Annex A.3), plus
 * the OWS codes this service also raises (see {@link org.ecoplan.ows.ServiceException}).
 */
public final class WmsExceptionCode {
    public static final String INVALID_FORMAT = "InvalidFormat";
    public static final String INVALID_CRS = "InvalidCRS";
    public static final String INVALID_SRS = "InvalidSRS";
    public static final String LAYER_NOT_DEFINED = "LayerNotDefined";
    public static final String STYLE_NOT_DEFINED = "StyleNotDefined";
    public static final String LAYER_NOT_QUERYABLE = "LayerNotQueryable";
    public static final String INVALID_POINT = "InvalidPoint";
    public static final String CURRENT_UPDATE_SEQUENCE = "CurrentUpdateSequence";
    public static final String INVALID_UPDATE_SEQUENCE = "InvalidUpdateSequence";
    public static final String MISSING_DIMENSION_VALUE = "MissingDimensionValue";
    public static final String INVALID_DIMENSION_VALUE = "InvalidDimensionValue";
    public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
    /** Not a WMS code: the server is saturated (too many concurrent renders); HTTP 503. */
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    private WmsExceptionCode() {}
}
