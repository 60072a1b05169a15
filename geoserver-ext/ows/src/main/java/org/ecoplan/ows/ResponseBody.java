package org.ecoplan.ows;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a response body straight to the client's stream, so large results are never buffered whole. */
@FunctionalInterface
public interface ResponseBody {
    void writeTo(OutputStream out) throws IOException;
}
