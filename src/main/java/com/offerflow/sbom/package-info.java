/**
 * What a package is made of: a CycloneDX 1.6 SBOM made from the certification report's inventory
 * ({@code cyclonedx}), the OCI artifacts that attach the SBOM and the report to the package's manifest
 * ({@code referrers}), and {@code GET /api/publications/{id}/sbom}.
 */
@ApplicationModule(displayName = "SBOM", allowedDependencies = {"certification", "identity", "image", "offer", "publication", "scanner :: report", "web"})
package com.offerflow.sbom;

import org.springframework.modulith.ApplicationModule;
