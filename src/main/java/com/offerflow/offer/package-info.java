/**
 * Offers as publishers write them: the offer document and its rules, the REST resource, the upload of the image,
 * the history, and what publications need of an offer (snapshots, one running publication at a time).
 */
@ApplicationModule(displayName = "Offer", allowedDependencies = {"identity", "image", "storage", "web"})
package com.offerflow.offer;

import org.springframework.modulith.ApplicationModule;
