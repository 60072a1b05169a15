package org.ecoplan.ows.encode;

/**
 * The XML namespace of the application schema the features are published in (feature type
 * names are qualified with it: {@code yg:restoration_zones}).
 */
public record AppNamespace(String prefix, String uri) {
    /** The namespace of the Yanggao plan's feature types. */
    public static final AppNamespace YANGGAO = new AppNamespace("yg", "http://ecoplan.org/yanggao");
}
