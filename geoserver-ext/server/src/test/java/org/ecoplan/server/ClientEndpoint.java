package org.ecoplan.server;

import java.util.stream.Stream;

/**
 * Where a client test reaches the plan's layers: the workspace's virtual service
 * ({@code /yanggao/wms}, names unqualified) or the global service ({@code /wms}, names
 * qualified {@code yanggao:restoration_zones}), as a GeoServer user reaches either.
 *
 * @param base   the URL the service paths follow ({@code /wms}, {@code /wfs}, {@code /wmts})
 * @param prefix what precedes a layer id in a WMS/WMTS name there: "" or "yanggao:"
 * @param title  the first words of the service title there
 */
public record ClientEndpoint(String label, String base, String prefix, String title) {
    /** The plan's virtual services, then the global ones. */
    public static Stream<ClientEndpoint> both() {
        return Stream.of(virtual(), global());
    }

    public static ClientEndpoint virtual() {
        return new ClientEndpoint("virtual", ServerFixture.planUrl(), "", "阳高县");
    }

    public static ClientEndpoint global() {
        return new ClientEndpoint("global", ServerFixture.baseUrl(), ServerFixture.PLAN + ":", "国土空间生态修复规划");
    }

    /** A plan layer's WMS/WMTS name at this endpoint. */
    public String name(String layerId) {
        return prefix + layerId;
    }

    @Override
    public String toString() { return label; }
}
