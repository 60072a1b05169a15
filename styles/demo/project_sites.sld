<?xml version="1.0" encoding="UTF-8"?>
<!-- The demo projects: black circles with their names. -->
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.0.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>project_sites</Name>
    <UserStyle>
      <Name>project_sites</Name>
      <Title>示例项目（虚构）</Title>
      <FeatureTypeStyle>
        <Rule>
          <Title>示例项目</Title>
          <PointSymbolizer>
            <Graphic>
              <Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter name="fill">#000000</CssParameter></Fill></Mark>
              <Size>9</Size>
            </Graphic>
          </PointSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>name_zh</ogc:PropertyName></Label>
            <Font><CssParameter name="font-family">WenQuanYi Micro Hei</CssParameter><CssParameter name="font-size">11</CssParameter></Font>
            <LabelPlacement><PointPlacement><Displacement><DisplacementX>6</DisplacementX><DisplacementY>6</DisplacementY></Displacement></PointPlacement></LabelPlacement>
            <Halo><Radius>2</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
