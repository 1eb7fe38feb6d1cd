package com.offerflow.process;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What Cockpit, Modeler and the style guide need of {@code processes/PublishContainerOffer.bpmn}. */
class PublishContainerOfferModelTest {

    private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/PublishContainerOffer.bpmn"));
    private final Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);

    @Test
    void everyElementIsDrawn() {
        assertThat(elements).isNotEmpty().allSatisfy(element -> assertThat(((BaseElement) element)
                .getDiagramElement()).as(element.getId()).isNotNull().isInstanceOf(DiagramElement.class));
    }

    @Test
    void everyIdIsMeaningful() {
        assertThat(elements).extracting(FlowElement::getId).allSatisfy(id -> assertThat(id)
                .matches("(StartEvent|EndEvent|BoundaryEvent|Task|Gateway|SubProcess|Flow)_[A-Z][A-Za-z]+"));
    }

    @Test
    void everyServiceTaskIsAsyncWithRetries() {
        List<ServiceTask> delegates = model.getModelElementsByType(ServiceTask.class).stream()
                .filter(task -> !"external".equals(task.getCamundaType())).toList();
        assertThat(delegates).hasSize(4).allSatisfy(task -> {
            // a multi-instance task is async per instance: the attribute sits on its loop characteristics
            BaseElement async = task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop
                    ? loop : task;
            assertThat(async instanceof MultiInstanceLoopCharacteristics loop ? loop.isCamundaAsyncBefore()
                    : task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
            assertThat(async.getExtensionElements().getElementsQuery()
                    .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle.class)
                    .singleResult().getTextContent()).isEqualTo("R5/PT1M");
        });
    }

    @Test
    void everyUserTaskHasAFormAndASavePointAfterIt() {
        assertThat(model.getModelElementsByType(UserTask.class)).hasSize(3).allSatisfy(task -> {
            assertThat(task.getCamundaFormRef()).as(task.getId()).isNotBlank();
            assertThat(new File("processes/" + task.getCamundaFormRef() + ".form")).exists();
            assertThat(task.isCamundaAsyncAfter()).as(task.getId()).isTrue();
        });
    }

    @Test
    void everyStepHasAConfigurableSlaTimer() {
        List<String> stepsWithSla = model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(event -> !event.cancelActivity())
                .filter(event -> event.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition
                        && ((TimerEventDefinition) d).getTimeDuration().getTextContent().contains("timers.stepSla")))
                .map(event -> event.getAttachedTo().getId()).toList();
        assertThat(stepsWithSla).containsExactlyInAnyOrder("SubProcess_ValidatePrerequisites",
                "SubProcess_Certification", "SubProcess_Packaging", "SubProcess_Replication", "SubProcess_Live");
        assertThat((Object) model.getModelElementById("SubProcess_PublicationOverdue")).isInstanceOf(SubProcess.class);
    }

    @Test
    void processHasAHistoryTimeToLive() {
        Process process = model.getModelElementById(ProcessVariables.PROCESS_KEY);
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
        assertThat(process.isExecutable()).isTrue();
    }
}
