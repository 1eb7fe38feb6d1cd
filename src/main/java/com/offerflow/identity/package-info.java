/**
 * Users, groups and roles (Camunda's identity service), the security filter chains, the engine rules beyond
 * Camunda's permissions, the production profile's start-up checks.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = {"engine", "process", "signing", "web"})
package com.offerflow.identity;

import org.springframework.modulith.ApplicationModule;
