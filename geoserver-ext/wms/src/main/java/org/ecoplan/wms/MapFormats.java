package org.ecoplan.wms;

import java.util.List;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.map.image.MapImage;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServiceException;

/**
 * The image formats this WMS offers for GetMap and GetLegendGraphic: the {@link ImageFormat}s among
 * the registered response encoders, in registration order, the first being the default.
 */
public final class MapFormats {
    private final List<ImageFormat> formats;

    public MapFormats(ResponseEncoders encoders) {
        this.formats = encoders.offered(MapImage.class, "WMS", WmsVersion.V_1_3_0.text()).stream()
                .filter(ImageFormat.class::isInstance).map(ImageFormat.class::cast).toList();
        if (formats.isEmpty()) throw new IllegalStateException("no image format is registered");
    }

    /** The MIME types, as capabilities advertise them. */
    public List<String> advertised() {
        return formats.stream().map(ImageFormat::mime).toList();
    }

    /** FORMAT of GetMap and GetLegendGraphic; absent is MissingParameterValue, unsupported InvalidFormat (06-042 Table 8). */
    public ImageFormat require(String value, String locator) {
        if (value == null || value.isBlank()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, locator,
                    "Missing parameter " + locator);
        }
        return formats.stream().filter(f -> f.matches(value)).findFirst()
                .orElseThrow(() -> new ServiceException(WmsExceptionCode.INVALID_FORMAT, locator, "Unsupported "
                        + locator + " '" + value + "'; supported: " + String.join(", ", advertised())));
    }
}
