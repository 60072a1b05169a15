package org.ecoplan.catalog.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the identity part that workspace files and the global file share: title, abstract,
 * keywords, contact, fees, access constraints, CRS list and per-service overrides. Every value may
 * use {@code ${NAME:-default}}, so a deployment sets its operator's contact without editing files.
 */
final class ServicesReader {
    static final Set<String> KEYS = Set.of("title", "abstract", "keywords", "contact", "fees", "accessConstraints",
            "crs", "services");
    private static final Set<String> SERVICE_KEYS = Set.of("title", "abstract", "keywords", "contact", "fees",
            "accessConstraints");
    private static final Set<String> CONTACT_KEYS = Set.of("person", "organization", "position", "addressType",
            "address", "city", "province", "postCode", "country", "phone", "email");
    private static final Set<String> SERVICES = Set.of("wms", "wfs", "wmts", "ogcapi");

    private final YamlNodes y;

    ServicesReader(YamlNodes y) { this.y = y; }

    ServicesConfig read(Map<String, Node> m, Node owner) {
        ServiceMetadata defaults = metadata(m, owner, true);
        Map<String, ServiceMetadata> overrides = new LinkedHashMap<>();
        if (m.containsKey("services")) {
            for (var e : y.map(m.get("services"), "services", null).entrySet()) {
                String service = e.getKey().toLowerCase(Locale.ROOT);
                if (!SERVICES.contains(service)) {
                    y.error(e.getValue(), "services: unknown service '" + e.getKey() + "' " + SERVICES);
                    continue;
                }
                overrides.put(service, metadata(y.map(e.getValue(), "services." + service, SERVICE_KEYS), e.getValue(),
                        false));
            }
        }
        List<String> crs = y.strings(m, "crs");
        if (crs.isEmpty()) y.error(owner, "missing 'crs': the CRSs the layers are offered in (EPSG:4490, CRS:84, ...)");
        for (String c : crs) {
            if (CrsRegistry.decode(c).isEmpty()) y.error(m.get("crs"), "unknown CRS '" + c + "'");
        }
        return new ServicesConfig(defaults, overrides, crs);
    }

    private ServiceMetadata metadata(Map<String, Node> m, Node owner, boolean required) {
        Localized title = localized(m, "title", owner, required);
        Localized abs = localized(m, "abstract", owner, required);
        List<String> keywords = y.strings(m, "keywords").stream().map(CatalogLoader::substituted)
                .filter(k -> k != null).toList();
        ContactInfo contact = m.containsKey("contact")
                ? contact(m.get("contact"))
                : (required ? ContactInfo.NONE : null);
        return new ServiceMetadata(title, abs, keywords, contact, text(m, "fees", owner),
                text(m, "accessConstraints", owner));
    }

    private Localized localized(Map<String, Node> m, String key, Node owner, boolean required) {
        Localized l = y.localized(m, key, owner, required);
        String zh = CatalogLoader.substituted(l.zh());
        String en = CatalogLoader.substituted(l.en());
        return new Localized(zh == null ? "" : zh, en == null ? "" : en);
    }

    private ContactInfo contact(Node n) {
        Map<String, Node> c = y.map(n, "contact", CONTACT_KEYS);
        return new ContactInfo(text(c, "person", n), text(c, "organization", n), text(c, "position", n),
                text(c, "addressType", n), text(c, "address", n), text(c, "city", n), text(c, "province", n),
                text(c, "postCode", n), text(c, "country", n), text(c, "phone", n), text(c, "email", n));
    }

    private String text(Map<String, Node> m, String key, Node owner) {
        return CatalogLoader.substituted(y.string(m, key, owner, false));
    }
}
