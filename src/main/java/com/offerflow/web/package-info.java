/**
 * The API's common ground: RFC 9457 problem details, request size limits, suggestions for field errors.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {})
package com.offerflow.web;

import org.springframework.modulith.ApplicationModule;
