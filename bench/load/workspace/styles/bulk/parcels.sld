<?xml version="1.0" encoding="UTF-8"?>
<!-- Benchmark layer parcels: one plain symbolizer; the load benchmark never renders it. -->
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.0.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>parcels</Name>
    <UserStyle>
      <Name>parcels</Name>
      <Title>parcels</Title>
      <FeatureTypeStyle>
        <Rule>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#33A02C</CssParameter></Fill><Stroke><CssParameter name="stroke">#1B5E20</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
