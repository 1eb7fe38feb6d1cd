/**
 * The OCI distribution API's client side: pulling an image from a registry as an
 * {@link com.offerflow.image.ImageSource}, and pushing one. Part of the image module, open to the other modules as
 * its named interface {@code registry}; like the rest of the module it knows neither Spring nor Camunda (the
 * annotation below is metadata for the module check, nothing runs it).
 */
@NamedInterface("registry")
package com.offerflow.image.registry;

import org.springframework.modulith.NamedInterface;
