/**
 * What {@code processes/PublishContainerOffer.bpmn} and the code share: the process key, the names of its
 * variables and messages, and the decisions its gateways test. No Spring, no Camunda: the steps, the publication
 * and the engine plumbing all read it.
 */
package com.offerflow.process;
