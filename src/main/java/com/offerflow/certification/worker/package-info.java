/**
 * The scan worker process (profile {@code scan-worker}): the same jar, working {@code certify-image} tasks through
 * the engine's REST API with the Camunda external task client. Nothing here is loaded by the app itself.
 */
package com.offerflow.certification.worker;
