package org.ecoplan.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.ecoplan.ows.ServerSettings;

/**
 * The address of the client a request comes from: the connection's peer, or, when that peer is a
 * reverse proxy named in {@code ECOPLAN_TRUSTED_PROXIES}, the address the proxies recorded in
 * {@code X-Forwarded-For}. The header is read from its right end, the entry the nearest proxy wrote,
 * leftwards past the addresses of trusted proxies: the first address that is not one is the client.
 * Entries further left were written by the client itself and are never believed. Per-client limits,
 * the sign-in back-off and the access log all key on this address, so behind a proxy each client
 * keeps its own limits instead of sharing the proxy's.
 */
final class ClientAddress {
    /** The header the proxies write (nginx: {@code proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for}). */
    static final String HEADER = "X-Forwarded-For";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Starts as the JDK's literal parser expects (a hex digit or ':'): anything else it would look up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    /** A range of addresses: the first {@code bits} bits of {@code network}. */
    record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) return false;
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) if (address[i] != network[i]) return false;
            int rest = bits % 8;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> trusted;

    ClientAddress(List<Range> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /**
     * The proxies of {@code ECOPLAN_TRUSTED_PROXIES}: addresses and CIDR ranges, comma-separated
     * (none by default: the peer is the client).
     */
    static ClientAddress fromEnvironment() {
        return parse(ServerSettings.setting("ECOPLAN_TRUSTED_PROXIES", ""));
    }

    /** @throws IllegalArgumentException naming the setting and the entry that is not an address or range */
    static ClientAddress parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String item : setting.split(",")) {
            String s = item.trim();
            if (s.isEmpty()) continue;
            int slash = s.indexOf('/');
            byte[] network = literal(slash < 0 ? s : s.substring(0, slash));
            int bits = -1;
            if (network != null) {
                bits = network.length * 8;
                if (slash >= 0) {
                    try {
                        bits = Integer.parseInt(s.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        bits = -1;
                    }
                }
            }
            if (network == null || bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("ECOPLAN_TRUSTED_PROXIES: '" + s
                        + "' is not an IP address or a CIDR range (such as 10.0.0.0/8 or fd00::/8)");
            }
            ranges.add(new Range(network, bits));
        }
        return new ClientAddress(ranges);
    }

    /** The client of a request. */
    String of(Request request) {
        String peer = Request.getRemoteAddr(request);
        if (trusted.isEmpty()) return peer;
        return resolve(peer, request.getHeaders().getValuesList(HEADER));
    }

    /** The client, given the connection's peer and the values of every X-Forwarded-For header, in order. */
    String resolve(String peer, List<String> forwardedFor) {
        byte[] p = literal(peer);
        if (p == null || !trusted(p)) return peer;
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) hops.add(hop.trim());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] a = literal(hops.get(i));
            // what a trusted proxy wrote is not an address: its own address is all that is known
            if (a == null) return client;
            client = text(a);
            if (!trusted(a)) return client;
        }
        return client;
    }

    private boolean trusted(byte[] address) {
        for (Range r : trusted) if (r.contains(address)) return true;
        return false;
    }

    /**
     * The bytes of an IP address literal (IPv6 in brackets too), or null for anything else; never a
     * name lookup, which the shapes checked first rule out.
     */
    static byte[] literal(String s) {
        if (s == null) return null;
        String t = s.trim();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        if (t.isEmpty() || t.length() > 45) return null;
        if (IPV4.matcher(t).matches()) {
            // parsed here: the JDK would look up a dotted quad with a part above 255 as a host name
            String[] parts = t.split("\\.");
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) return null;
                out[i] = (byte) v;
            }
            return out;
        }
        if (!IPV6.matcher(t).matches() || t.indexOf(':') < 0) return null;
        try {
            // a text with a colon is only ever parsed as an IPv6 literal, never looked up
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a length other than 4 or 16, which literal() never gives
        }
    }
}
