package org.ecoplan.render;

/** Rendering passed the request's deadline (WMS maps this to a service exception, not a partial image). */
public class RenderTimeoutException extends RuntimeException {
    public RenderTimeoutException(String message) {
        super(message);
    }
}
