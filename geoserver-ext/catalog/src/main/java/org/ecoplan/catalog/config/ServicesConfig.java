package org.ecoplan.catalog.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a workspace file (or the global file) says about the services that publish it: the
 * identification every service shares, the parts a service overrides (key {@code wms}, {@code wfs},
 * {@code wmts}, ...), and the CRSs its layers are offered in.
 *
 * @param crs CRS names ("EPSG:4490", "CRS:84"), in the order capabilities list them
 */
public record ServicesConfig(ServiceMetadata defaults, Map<String, ServiceMetadata> overrides, List<String> crs) {
    public ServicesConfig {
        overrides = Map.copyOf(overrides);
        crs = List.copyOf(crs);
    }

    /**
     * The identification of one service ("wms", "wfs", "wmts", any case): the shared one with the
     * title, abstract and keywords the service sets in place of the shared ones, and its contact
     * parts over the shared contact.
     */
    public ServiceMetadata service(String name) {
        ServiceMetadata o = overrides.get(name.toLowerCase(Locale.ROOT));
        if (o == null) return defaults;
        List<String> keywords = new ArrayList<>(o.keywords().isEmpty() ? defaults.keywords() : o.keywords());
        return new ServiceMetadata(o.title().zh().isEmpty() && o.title().en().isEmpty() ? defaults.title() : o.title(),
                o.abstractText().zh().isEmpty() && o.abstractText().en().isEmpty()
                        ? defaults.abstractText()
                        : o.abstractText(),
                keywords, defaults.contact().overriddenBy(o.contact()),
                o.fees() != null ? o.fees() : defaults.fees(),
                o.accessConstraints() != null ? o.accessConstraints() : defaults.accessConstraints());
    }
}
