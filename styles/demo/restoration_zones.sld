<?xml version="1.0" encoding="UTF-8"?>
<!-- The demo zones: D1 sky blue, D2 orange, translucent, with their names. -->
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.0.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>restoration_zones</Name>
    <UserStyle>
      <Name>restoration_zones</Name>
      <Title>示例修复分区（虚构）</Title>
      <FeatureTypeStyle>
        <Rule>
          <Title>西部示例分区</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>zone_code</ogc:PropertyName><ogc:Literal>D1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#56B4E9</CssParameter><CssParameter name="fill-opacity">0.6</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#0072B2</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Title>东部示例分区</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>zone_code</ogc:PropertyName><ogc:Literal>D2</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#E69F00</CssParameter><CssParameter name="fill-opacity">0.6</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#D55E00</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Title>名称</Title>
          <TextSymbolizer>
            <Label><ogc:PropertyName>name_zh</ogc:PropertyName></Label>
            <Font><CssParameter name="font-family">WenQuanYi Micro Hei</CssParameter><CssParameter name="font-size">12</CssParameter></Font>
            <Halo><Radius>2</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
