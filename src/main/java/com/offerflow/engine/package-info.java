/**
 * Camunda plumbing that knows no publishing step: deployment of {@code processes/}, the in-app external task
 * workers and the lock-and-failure flow they share with the scan worker process, lock keeping, long polling on
 * {@code /engine-rest}, and the server-side checks of a user task's inputs.
 */
@ApplicationModule(displayName = "Engine plumbing", allowedDependencies = {})
package com.offerflow.engine;

import org.springframework.modulith.ApplicationModule;
