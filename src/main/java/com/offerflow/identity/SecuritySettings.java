package com.offerflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code offerflow.security.*}.
 *
 * @param maxRequestSize the largest request body outside {@code /api/**} (which has {@code offerflow.api.*} and
 *                       {@code offerflow.images.max-upload-size}): engine REST calls, deployments, the webapps' API
 */
@ConfigurationProperties("offerflow.security")
record SecuritySettings(@DefaultValue("2MB") DataSize maxRequestSize) {
}
