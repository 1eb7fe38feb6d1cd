/**
 * The process side of Offerflow: deployment of {@code processes/}, the names of variables and messages, and the
 * configurable timers (SLA, sign-off) that {@code PublishContainerOffer.bpmn} reads.
 */
package com.offerflow.process;
