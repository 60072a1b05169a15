package org.ecoplan.ows;

/**
 * An OGC service exception: code, locator and message, rendered by the service that raised it
 * (WMS ServiceExceptionReport, OWS 1.1 ExceptionReport). The HTTP status follows OWS Common 1.1 /
 * WFS 2.0 Table 3 for the standard codes unless given.
 */
public class ServiceException extends RuntimeException {
    public static final String MISSING_PARAMETER_VALUE = "MissingParameterValue";
    public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
    public static final String OPTION_NOT_SUPPORTED = "OptionNotSupported";
    public static final String VERSION_NEGOTIATION_FAILED = "VersionNegotiationFailed";
    public static final String INVALID_UPDATE_SEQUENCE = "InvalidUpdateSequence";
    public static final String NO_APPLICABLE_CODE = "NoApplicableCode";
    public static final String OPERATION_PROCESSING_FAILED = "OperationProcessingFailed";
    public static final String OPERATION_PARSING_FAILED = "OperationParsingFailed";
    /** The server is at a limit (busy, out of memory for the request): retry later (HTTP 503). */
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    private final String code;
    private final String locator;
    private final int httpStatus;

    public ServiceException(String code, String locator, String message) {
        this(code, locator, message, defaultStatus(code));
    }

    public ServiceException(String code, String locator, String message, int httpStatus) {
        super(message);
        this.code = code;
        this.locator = locator;
        this.httpStatus = httpStatus;
    }

    public String code() { return code; }

    public String locator() { return locator; }

    public int httpStatus() { return httpStatus; }

    /** OWS Common 1.1 Table 28 / WFS 2.0 Table 3 status codes. */
    public static int defaultStatus(String code) {
        if (code == null) return 400;
        return switch (code) {
            case OPERATION_NOT_SUPPORTED, OPTION_NOT_SUPPORTED -> 501;
            case NO_APPLICABLE_CODE -> 500;
            case OPERATION_PROCESSING_FAILED, "LockHasExpired", "ResponseCacheExpired" -> 403;
            case "DuplicateStoredQueryIdValue", "DuplicateStoredQueryParameterName" -> 409;
            case "NotFound" -> 404;
            case SERVICE_UNAVAILABLE -> 503;
            default -> 400;
        };
    }
}
