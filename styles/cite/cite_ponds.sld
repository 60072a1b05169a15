<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>Ponds</Name>
    <UserStyle>
      <Name>cite_ponds</Name>
      <Title>CITE ponds (light blue)</Title>
      <FeatureTypeStyle>
        <Rule>
          <Title>CITE ponds (light blue)</Title>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#1E90FF</CssParameter></Fill>
            <Stroke>
              <CssParameter name="stroke">#00008B</CssParameter>
              <CssParameter name="stroke-width">1</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
