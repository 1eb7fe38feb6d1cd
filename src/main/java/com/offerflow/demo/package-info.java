/**
 * The demo profile's users and the README walkthrough's sample offer and image.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = {"distribution", "identity", "offer", "storage"})
package com.offerflow.demo;

import org.springframework.modulith.ApplicationModule;
