/**
 * Step 4, {@code Task_SignOff}: the preview, the publisher's Go live or rejection, and the reminder.
 */
@ApplicationModule(displayName = "Step 4: Publisher sign-off", allowedDependencies = {"distribution", "engine", "identity", "offer", "process", "publication", "web"})
package com.offerflow.signoff;

import org.springframework.modulith.ApplicationModule;
