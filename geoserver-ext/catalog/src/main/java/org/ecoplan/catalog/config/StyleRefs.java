package org.ecoplan.catalog.config;

import java.util.List;

/** The styles of a layer by id ({@code styles/<id>.sld}): the default first, then the alternatives. */
public record StyleRefs(String defaultStyle, List<String> alternatives) {
    public StyleRefs {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    public List<String> all() {
        var l = new java.util.ArrayList<String>();
        l.add(defaultStyle);
        l.addAll(alternatives);
        return l;
    }
}
