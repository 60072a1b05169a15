package org.ecoplan.ows.encode;

/**
 * A web link as OGC API documents carry them (OGC 17-069r4 clause 7.2 / RFC 8288): target,
 * relation type, media type and an optional title.
 */
public record Link(String href, String rel, String type, String title) {
    public Link(String href, String rel, String type) {
        this(href, rel, type, null);
    }
}
