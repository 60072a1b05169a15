package org.ecoplan.server;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id of one request, to find it in every log line it caused: the client's {@code X-Request-Id}
 * when it is a plain token (a proxy's), else a new random one; answered in the same header and put in
 * the logging context (MDC {@code request_id}) while the request is handled.
 */
final class RequestId {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = org.ecoplan.catalog.store.RequestTag.MDC_KEY;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestId() {}

    /** @param given the request's X-Request-Id header, or null */
    static String of(String given) {
        if (given != null && PLAIN.matcher(given).matches()) return given;
        byte[] b = new byte[8];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
