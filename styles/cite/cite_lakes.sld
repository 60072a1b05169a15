<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>Lakes</Name>
    <UserStyle>
      <Name>cite_lakes</Name>
      <Title>CITE lakes (blue)</Title>
      <FeatureTypeStyle>
        <Rule>
          <Title>CITE lakes (blue)</Title>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#4169E1</CssParameter></Fill>
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
