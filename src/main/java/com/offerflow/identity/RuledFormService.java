package com.offerflow.identity;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

import java.util.Map;

/** Camunda's form service with {@link EngineRules}: a submitted task form sets the form's fields only. */
class RuledFormService extends FormServiceImpl {

    private final EngineRules rules;

    RuledFormService(EngineRules rules) {
        this.rules = rules;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        rules.completion(taskId, properties, () -> {
            super.submitTaskForm(taskId, properties);
            return null;
        });
    }

    @Override
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
        rules.completion(taskId, properties, () -> {
            super.submitTaskFormData(taskId, properties);
            return null;
        });
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
            boolean deserializeValues) {
        return rules.completion(taskId, properties,
                () -> super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues));
    }
}
