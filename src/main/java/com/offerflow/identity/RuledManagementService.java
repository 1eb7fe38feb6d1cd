package com.offerflow.identity;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;

/** Camunda's management service with {@link EngineRules}: jobs run by hand only for admins. */
class RuledManagementService extends ManagementServiceImpl {

    private final EngineRules rules;

    RuledManagementService(ProcessEngineConfiguration configuration, EngineRules rules) {
        super(configuration);
        this.rules = rules;
    }

    @Override
    public void executeJob(String jobId) {
        rules.checkJobExecution(jobId);
        super.executeJob(jobId);
    }
}
