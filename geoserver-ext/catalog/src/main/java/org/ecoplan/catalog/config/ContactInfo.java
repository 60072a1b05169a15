package org.ecoplan.catalog.config;

/**
 * Who operates a service (WMS 1.3.0 clause 7.2.4.3 ContactInformation; OWS Common 1.1 ServiceProvider):
 * written into capabilities as configured, each part absent (null) when the configuration leaves it
 * empty — nothing is invented for an operator.
 */
public record ContactInfo(String person, String organization, String position, String addressType, String address,
        String city, String province, String postCode, String country, String phone, String email) {
    public static final ContactInfo NONE = new ContactInfo(null, null, null, null, null, null, null, null, null, null,
            null);

    /** This contact with every part the other one sets taken from the other. */
    ContactInfo overriddenBy(ContactInfo o) {
        if (o == null) return this;
        return new ContactInfo(or(o.person, person), or(o.organization, organization), or(o.position, position),
                or(o.addressType, addressType), or(o.address, address), or(o.city, city), or(o.province, province),
                or(o.postCode, postCode), or(o.country, country), or(o.phone, phone), or(o.email, email));
    }

    private static String or(String a, String b) { return a != null ? a : b; }
}
