package org.ecoplan.server;

import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;

/**
 * The administrator gate of the admin APIs (GeoServer's REST, GeoWebCache's): 401 with the challenge
 * for a caller who has not signed in, 403 for one who is not an administrator; their errors as plain
 * text with the status, as those APIs answer.
 */
final class AdminOnly {
    private AdminOnly() {}

    /** @param what the API, for the message ("The REST API") */
    static void require(OwsRequest r, String what) {
        if (!r.caller().authenticated())
            throw new ServiceException("NotAuthorized", null, "Sign in as an administrator", 401);
        if (!r.caller().isAdmin()) throw new ServiceException("Forbidden", null, what + " is for administrators", 403);
    }

    static OwsResponse error(ServiceException e) {
        OwsResponse r = OwsResponse.text(e.httpStatus(), "text/plain; charset=UTF-8", e.getMessage() + "\n");
        return e.httpStatus() == 401 ? r.withHeader("WWW-Authenticate", Authenticator.CHALLENGE) : r;
    }
}
