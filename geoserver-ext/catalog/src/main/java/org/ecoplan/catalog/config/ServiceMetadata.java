package org.ecoplan.catalog.config;

import java.util.List;
import org.ecoplan.catalog.Localized;

/**
 * The identification of one service endpoint as its capabilities describe it (WMS 1.3.0 clause
 * 7.2.4.2 Service; OWS Common 1.1 clause 7.4.4 ServiceIdentification and 7.4.5 ServiceProvider):
 * title and abstract in Chinese and English, keywords, contact, fees and access constraints.
 */
public record ServiceMetadata(Localized title, Localized abstractText, List<String> keywords, ContactInfo contact,
        String fees, String accessConstraints) {
    public ServiceMetadata {
        keywords = List.copyOf(keywords);
    }
}
