package org.ecoplan.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindNginx = ClientAddress.parse("127.0.0.1, 10.0.0.0/8, fd00::/8");

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        ClientAddress none = ClientAddress.parse("");
        assertEquals("127.0.0.1", none.resolve("127.0.0.1", List.of("203.0.113.7")));
    }

    @Test
    void behindATrustedProxyTheForwardedAddressIsTheClient() {
        assertEquals("203.0.113.7", behindNginx.resolve("127.0.0.1", List.of("203.0.113.7")));
        // two proxies of ours: the address before them
        assertEquals("203.0.113.7", behindNginx.resolve("127.0.0.1", List.of("203.0.113.7, 10.1.2.3")));
        // entries on the left are the client's own writing: a forged one is passed over
        assertEquals("203.0.113.7", behindNginx.resolve("127.0.0.1", List.of("198.51.100.1, 203.0.113.7")));
        // a header per proxy counts as one list, in order
        assertEquals("203.0.113.7", behindNginx.resolve("10.0.0.5", List.of("198.51.100.1", "203.0.113.7")));
        assertEquals("2001:db8:0:0:0:0:0:1", behindNginx.resolve("fd00::2", List.of("[2001:db8::1]")));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertEquals("203.0.113.9", behindNginx.resolve("203.0.113.9", List.of("127.0.0.1")));
        assertEquals("203.0.113.9", behindNginx.resolve("203.0.113.9", List.of("10.0.0.1, 1.2.3.4")));
    }

    @Test
    void whatIsNotAnAddressEndsTheWalkAtTheLastProxy() {
        assertEquals("127.0.0.1", behindNginx.resolve("127.0.0.1", List.of()));
        assertEquals("127.0.0.1", behindNginx.resolve("127.0.0.1", List.of("unknown")));
        assertEquals("10.1.1.1", behindNginx.resolve("127.0.0.1", List.of("evil.example, 10.1.1.1")));
        // every hop trusted: the leftmost is the nearest to the client
        assertEquals("10.1.1.1", behindNginx.resolve("127.0.0.1", List.of("10.1.1.1, 10.2.2.2")));
    }

    @Test
    void literalsAreParsedWithoutLookingUpNames() {
        assertArrayEquals(new byte[]{(byte) 192, 0, 2, 1}, ClientAddress.literal("192.0.2.1"));
        assertNull(ClientAddress.literal("999.1.1.1"), "a part above 255 is not an address (nor a name to look up)");
        assertNull(ClientAddress.literal("localhost"));
        assertNull(ClientAddress.literal("1.2.3"));
        assertNull(ClientAddress.literal("::g"));
        // the JDK would hand these to the resolver: they are refused before
        assertNull(ClientAddress.literal(".:"));
        assertNull(ClientAddress.literal("..:1"));
        assertEquals(16, ClientAddress.literal("[::1]").length);
    }

    @Test
    void rangesMatchTheirPrefixOnly() {
        ClientAddress c = ClientAddress.parse("192.168.4.0/22");
        assertEquals("1.1.1.1", c.resolve("192.168.7.255", List.of("1.1.1.1")));
        assertEquals("192.168.8.0", c.resolve("192.168.8.0", List.of("1.1.1.1")));
        assertEquals("1.1.1.1", ClientAddress.parse("0.0.0.0/0").resolve("8.8.8.8", List.of("1.1.1.1")));
    }

    @Test
    void aBadSettingNamesItselfAndTheEntry() {
        for (String bad : new String[]{"10.0.0.0/33", "nginx", "10.0.0.0/x", "::1/129"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientAddress.parse(bad));
            assertTrue(e.getMessage().startsWith("ECOPLAN_TRUSTED_PROXIES: '" + bad + "'"), e.getMessage());
        }
    }
}
