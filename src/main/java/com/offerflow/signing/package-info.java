/**
 * The marketplace's signatures of its packages: the OpenPGP signing key (generated for the demo, configured in
 * production), {@code PackageSigner} making one containers "simple signing" signature per docker reference a client
 * pulls, the signature store, and the public endpoints: the keyring ({@code /api/signing-keys}) and the lookaside
 * ({@code /signatures/**}). Its sub-package {@code simple} is the Spring-free signature format and key handling.
 */
@ApplicationModule(displayName = "Signing", allowedDependencies = {"image", "storage", "web"})
package com.offerflow.signing;

import org.springframework.modulith.ApplicationModule;
