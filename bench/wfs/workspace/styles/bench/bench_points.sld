<?xml version="1.0" encoding="UTF-8"?>
<!-- Benchmark layer bench_points: one plain symbolizer; the WFS benchmark never renders it. -->
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.0.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>bench_points</Name>
    <UserStyle>
      <Name>bench_points</Name>
      <Title>bench_points</Title>
      <FeatureTypeStyle>
        <Rule>
          <PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter name="fill">#1F78B4</CssParameter></Fill></Mark><Size>5</Size></Graphic></PointSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
