package com.offerflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code offerflow.security.*}.
 *
 * @param maxRequestSize the largest request body accepted anywhere but the image upload (which has
 *                       {@code offerflow.images.max-upload-size}): offers, decisions, engine REST calls, deployments
 */
@ConfigurationProperties("offerflow.security")
record SecuritySettings(@DefaultValue("2MB") DataSize maxRequestSize) {
}
