package com.offerflow.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of what the API reads ({@code offerflow.api.*}): the size of a request body (the image upload, which
 * streams, has its own limit: {@code offerflow.images.max-upload-size}) and how deeply JSON may nest.
 *
 * @param maxBodySize  the largest request body of {@code /api/**}; larger ones answer 413
 * @param maxJsonDepth the deepest nesting of arrays and objects in a JSON request body; deeper ones answer 400
 */
@Validated
@ConfigurationProperties("offerflow.api")
public record ApiLimits(@DefaultValue("1MB") DataSize maxBodySize,
                        @DefaultValue("32") @Min(8) @Max(1000) int maxJsonDepth) {
}
