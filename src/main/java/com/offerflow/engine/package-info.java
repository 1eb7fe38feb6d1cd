/**
 * Camunda plumbing that knows no publishing step: deployment of {@code processes/}, the in-app external task
 * workers and their lock-and-failure flow, lock keeping, long polling on {@code /engine-rest}, and the server-side
 * checks of a user task's inputs.
 */
package com.offerflow.engine;
