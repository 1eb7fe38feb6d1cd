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
import com.offerflow.publication.PublicationStatus;
import com.offerflow.publication.PublishingStep;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The model names steps, statuses and decisions as text in its expressions ({@code ${progress.stepStarted(execution,
     * 'CERTIFICATION')}}, {@code ${scanOutcome == 'FAILED'}}): every such name is a constant of the enum the code
     * reads it as, and every step the model starts, ends and times is a {@link PublishingStep}.
     */
    @Test
    void everyNameInTheModelsExpressionsIsAConstantOfItsEnum() throws Exception {
        String bpmn = java.nio.file.Files.readString(java.nio.file.Path.of("processes/PublishContainerOffer.bpmn"));
        Map<String, Class<? extends Enum<?>>> enums = Map.of(
                "(?:progress\\.step\\w+|timers\\.stepSla)\\((?:execution, )?'(\\w+)'\\)", PublishingStep.class,
                "progress\\.ended\\(execution, '(\\w+)'\\)", PublicationStatus.class,
                "scanOutcome == '(\\w+)'", ScanOutcome.class,
                "signOffDecision == '(\\w+)'", SignOffDecision.class,
                "resolution == '(\\w+)'", Resolution.class);
        Map<Class<?>, Set<String>> named = new HashMap<>();
        enums.forEach((expression, type) -> named.computeIfAbsent(type, t -> new TreeSet<>())
                .addAll(names(bpmn, expression)));
        enums.values().forEach(type -> assertThat(named.get(type)).as(type.getSimpleName())
                .isNotEmpty().isSubsetOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        assertThat(names(bpmn, "preparationOutcome == '(\\w+)'")).as("how the part before Go live ends: tested as set")
                .isEqualTo(names(bpmn, "setVariable\\('preparationOutcome', '(\\w+)'\\)"));
        assertThat(named.get(PublishingStep.class)).as("steps the model tracks")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PublishingStep.values()).map(Enum::name).toList());
    }

    private static Set<String> names(String bpmn, String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile(expression).matcher(bpmn);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void processHasAHistoryTimeToLive() {
        Process process = model.getModelElementById(ProcessVariables.PROCESS_KEY);
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
        assertThat(process.isExecutable()).isTrue();
    }
}
