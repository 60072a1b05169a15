package org.ecoplan.wms;

/**
 * The ContactInformation of the capabilities Service section (WMS 1.3.0 clause 7.2.4.3), read at
 * start-up from ECOPLAN_CONTACT_* environment variables or system properties, so a deployment names
 * its own operator. The postal address is written only when ECOPLAN_CONTACT_ADDRESS is set (the
 * schema requires every address part then); nothing is invented for it.
 */
public record ServiceContact(String person, String organization, String position, String addressType, String address,
        String city, String province, String postCode, String country, String phone, String email) {

    public static ServiceContact fromEnvironment() {
        return new ServiceContact(
                setting("ECOPLAN_CONTACT_PERSON", "ecoplan 维护者 / ecoplan maintainers"),
                setting("ECOPLAN_CONTACT_ORGANIZATION", "ecoplan 项目（非官方发布；规划由阳高县规划和自然资源局编制）/ "
                        + "ecoplan project (unofficial; the plan is by the Yanggao County Planning and Natural Resources Bureau)"),
                setting("ECOPLAN_CONTACT_POSITION", "数据与服务维护 / data and service maintenance"),
                setting("ECOPLAN_CONTACT_ADDRESS_TYPE", "postal"),
                setting("ECOPLAN_CONTACT_ADDRESS", null),
                setting("ECOPLAN_CONTACT_CITY", ""),
                setting("ECOPLAN_CONTACT_PROVINCE", ""),
                setting("ECOPLAN_CONTACT_POSTCODE", ""),
                setting("ECOPLAN_CONTACT_COUNTRY", ""),
                setting("ECOPLAN_CONTACT_PHONE", null),
                setting("ECOPLAN_CONTACT_EMAIL", null));
    }

    private static String setting(String name, String fallback) {
        String v = System.getProperty(name, System.getenv(name));
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** Writes the ContactInformation element in schema order. */
    void write(XmlOut x) {
        x.start("ContactInformation");
        x.start("ContactPersonPrimary").element("ContactPerson", person).element("ContactOrganization", organization)
                .end();
        if (position != null) x.element("ContactPosition", position);
        if (address != null) {
            x.start("ContactAddress").element("AddressType", addressType).element("Address", address)
                    .element("City", city)
                    .element("StateOrProvince", province).element("PostCode", postCode).element("Country", country)
                    .end();
        }
        if (phone != null) x.element("ContactVoiceTelephone", phone);
        if (email != null) x.element("ContactElectronicMailAddress", email);
        x.end();
    }
}
