package com.offerflow.identity;

import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

import java.util.Map;

/**
 * Camunda's task service with {@link EngineRules}: completions carry form fields only, no errors from people, claims
 * for oneself only, and a claim given back by the one who made it.
 */
class RuledTaskService extends TaskServiceImpl {

    private final EngineRules rules;

    RuledTaskService(EngineRules rules) {
        this.rules = rules;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        rules.completion(taskId, variables, () -> {
            super.complete(taskId, variables);
            return null;
        });
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
            boolean deserializeValues) {
        return rules.completion(taskId, variables,
                () -> super.completeWithVariablesInReturn(taskId, variables, deserializeValues));
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
        rules.completion(taskId, variables, () -> {
            super.resolveTask(taskId, variables);
            return null;
        });
    }

    @Override
    public void claim(String taskId, String userId) {
        rules.checkClaim(taskId, userId);
        super.claim(taskId, userId);
    }

    /**
     * Tasklist's "Unclaim" assigns the task to nobody, which Camunda allows only with {@code TASK_ASSIGN}; the user
     * who claimed the task gives it back with what claiming needed ({@code TASK_WORK}).
     */
    @Override
    public void setAssignee(String taskId, String userId) {
        if (rules.givesBackOwnClaim(taskId, userId)) {
            super.claim(taskId, null);
        } else {
            super.setAssignee(taskId, userId);
        }
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode) {
        rules.refuseErrorFromPerson(taskId, "BPMN error");
        super.handleBpmnError(taskId, errorCode);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
        rules.refuseErrorFromPerson(taskId, "BPMN error");
        super.handleBpmnError(taskId, errorCode, errorMessage);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        rules.refuseErrorFromPerson(taskId, "BPMN error");
        super.handleBpmnError(taskId, errorCode, errorMessage, variables);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode) {
        rules.refuseErrorFromPerson(taskId, "escalation");
        super.handleEscalation(taskId, escalationCode);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        rules.refuseErrorFromPerson(taskId, "escalation");
        super.handleEscalation(taskId, escalationCode, variables);
    }
}
