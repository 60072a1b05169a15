<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>Forests</Name>
    <UserStyle>
      <Name>cite_forests</Name>
      <Title>CITE forests (green)</Title>
      <FeatureTypeStyle>
        <Rule>
          <Title>CITE forests (green)</Title>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#228B22</CssParameter></Fill>
            <Stroke>
              <CssParameter name="stroke">#006400</CssParameter>
              <CssParameter name="stroke-width">1</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
