package org.ecoplan.catalog;

import java.time.LocalDate;

/** The value types a feature attribute may have, with the Java class a value of it is held in. */
public enum AttributeType {
    STRING(String.class, "xs:string"),
    // xs:integer, not xs:long: clients map the primitive-derived types (the CITE WFS suite maps
    // xs:long to xs:anySimpleType and then cannot compare values)
    INTEGER(Long.class, "xs:integer"),
    DOUBLE(Double.class, "xs:double"),
    BOOLEAN(Boolean.class,
            "xs:boolean"),
    DATE(LocalDate.class, "xs:date");

    private final Class<?> javaType;
    private final String xsdType;

    AttributeType(Class<?> javaType, String xsdType) {
        this.javaType = javaType;
        this.xsdType = xsdType;
    }

    public Class<?> javaType() { return javaType; }

    /** The XML Schema type name used in application schemas (DescribeFeatureType). */
    public String xsdType() {
        return xsdType;
    }

    /** Parses a config word ("string", "integer", "double", "boolean", "date"); null if unknown. */
    public static AttributeType fromConfig(String word) {
        if (word == null) return null;
        for (AttributeType t : values()) if (t.name().equalsIgnoreCase(word.trim())) return t;
        return null;
    }
}
