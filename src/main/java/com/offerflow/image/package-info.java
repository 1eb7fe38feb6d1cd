/**
 * OCI images as data, shared by every module that reads or copies one: digests, descriptors, manifests, indexes
 * and configs, the {@link com.offerflow.image.ImageSource} of an oci-archive or an OCI layout, the copier between
 * them, and (in {@code registry}) the distribution API client. No Spring, no Camunda: plain Java on
 * commons-compress and Jackson, testable without a context.
 */
package com.offerflow.image;
