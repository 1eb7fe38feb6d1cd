package com.offerflow.offer;

import com.offerflow.image.ImageLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Bounds of an image upload ({@code offerflow.images.*}). */
@ConfigurationProperties("offerflow.images")
public record OfferImageSettings(@DefaultValue("4GB") DataSize maxUploadSize) {

    public ImageLimits limits() {
        return ImageLimits.defaults();
    }
}
