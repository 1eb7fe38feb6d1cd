package com.offerflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.engine.TaskInputs;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What people may do in the engine beyond Camunda's permissions, wherever they work: Tasklist, Cockpit,
 * {@code /engine-rest} or the project's API. Camunda lets whoever may work a task ({@code TASK_WORK}) pass any
 * variables with its completion, throw BPMN errors and escalations from it and claim it for anybody. With that, a
 * publisher could complete its own sign-off with another organisation's {@code publicationId} (and publish that
 * one), skip certification by ending the sub-process with an uncaught BPMN error and {@code preparationOutcome =
 * GO_LIVE}, or hand its task to a user of another organisation. So, for every authenticated user (calls the
 * application makes without a user are the process's own and not restricted):
 * <ul>
 *   <li>completing a task (complete, submit form, resolve) may set only the fields of the task's Camunda Form;
 *       a task without a form takes no variables;</li>
 *   <li>BPMN errors and escalations are not thrown by people: Offerflow's processes raise them in their own code;</li>
 *   <li>a task is claimed only by the user claiming it (assigning to others needs {@code TASK_ASSIGN}), and given
 *       back only by the user who claimed it; giving back one's own claim (Tasklist's "Unclaim", which Camunda
 *       treats as an assignment) needs no more than claiming did;</li>
 *   <li>jobs are run by the job executor, not by hand, except by admins: Camunda checks the permission only while
 *       the job runs, and records the refusal as the job's failure, so an operator who may only read could use
 *       up a timer's retries and raise an incident.</li>
 * </ul>
 * The rules are enforced by the engine's {@link RuledTaskService}, {@link RuledFormService} and
 * {@link RuledManagementService}, which this plugin installs, so every way into the engine meets the same rules.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class EngineRules extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineRules.class);
    private static final ObjectMapper FORMS = new ObjectMapper();

    private ProcessEngineConfigurationImpl engine;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.engine = configuration;
        configuration.setTaskService(new RuledTaskService(this));
        configuration.setFormService(new RuledFormService(this));
        configuration.setManagementService(new RuledManagementService(configuration, this));
    }

    /**
     * Runs a completion of the task after checking that the variables it sets are fields of the task's form. Both
     * that check and the task listeners' checks of the input ({@link TaskInputs}) fail as a form validation, which
     * the REST API and Tasklist answer with 400 and the plain message.
     */
    <T> T completion(String taskId, Map<String, ?> variables, Supplier<T> completion) {
        Authentication user = currentUser();
        if (user != null && variables != null && !variables.isEmpty()) {
            Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            // a task the user cannot see is left to the engine, which refuses it as it always does
            if (task != null) {
                Set<String> fields = formFields(taskId);
                Set<String> others = new TreeSet<>(variables.keySet());
                others.removeAll(fields);
                if (!others.isEmpty()) {
                    log.warn("User {} tried to set {} while completing task {} ({}); refused", user.getUserId(),
                            others, taskId, task.getTaskDefinitionKey());
                    throw new FormFieldValidationException(others, "Task " + taskId
                            + " takes only the fields of its form " + fields + ", not " + others + ".");
                }
            }
        }
        try {
            return completion.get();
        } catch (ProcessEngineException e) {
            String invalidInput = invalidInput(e);
            if (invalidInput != null) {
                throw new FormFieldValidationException(invalidInput, invalidInput + ".", e);
            }
            throw e;
        }
    }

    /** People do not throw BPMN errors or escalations: an uncaught one ends or leaves the task's scope unchecked. */
    void refuseErrorFromPerson(String taskId, String what) {
        Authentication user = currentUser();
        if (user != null) {
            log.warn("User {} tried to throw a {} from task {}; refused", user.getUserId(), what, taskId);
            throw new AuthorizationException("Tasks are completed through their forms: " + what
                    + "s are raised by the process itself, not by users.");
        }
    }

    /** A user claims a task for itself only, and gives back (claims for nobody) only a task it claimed. */
    void checkClaim(String taskId, String userId) {
        Authentication user = currentUser();
        if (user == null) {
            return;
        }
        if (userId != null && !userId.equals(user.getUserId())) {
            log.warn("User {} tried to claim task {} for {}; refused", user.getUserId(), taskId, userId);
            throw new AuthorizationException("The user with id '" + user.getUserId()
                    + "' can claim tasks for itself only.");
        }
        String assignee = userId == null ? assignee(taskId) : null;
        if (assignee != null && !assignee.equals(user.getUserId())) {
            log.warn("User {} tried to unclaim task {} of {}; refused", user.getUserId(), taskId, assignee);
            throw new AuthorizationException("The user with id '" + user.getUserId()
                    + "' can give back only tasks it claimed itself.");
        }
    }

    /** Whether the current user gives back a task it claimed itself (assigns its own task to nobody). */
    boolean givesBackOwnClaim(String taskId, String userId) {
        Authentication user = currentUser();
        return userId == null && user != null && user.getUserId().equals(assignee(taskId));
    }

    /** The task's assignee, or null when it has none or the current user cannot see it. */
    private String assignee(String taskId) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        return task == null ? null : task.getAssignee();
    }

    /** Only admins run a job by hand. */
    void checkJobExecution(String jobId) {
        Authentication user = currentUser();
        if (user != null && (user.getGroupIds() == null || !user.getGroupIds().contains(Groups.ADMINS))) {
            log.warn("User {} tried to run job {} by hand; refused", user.getUserId(), jobId);
            throw new AuthorizationException("The user with id '" + user.getUserId()
                    + "' cannot run jobs: the job executor runs them.");
        }
    }

    private Authentication currentUser() {
        Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? null : authentication;
    }

    /** The keys of the fields of the task's Camunda Form (read as the user, who can see the task). */
    private Set<String> formFields(String taskId) {
        Set<String> keys = new TreeSet<>();
        InputStream form;
        try {
            form = engine.getFormService().getDeployedTaskForm(taskId);
        } catch (ProcessEngineException e) {
            // no deployed form (or none this user may read): the task takes no variables
            return keys;
        }
        try (form) {
            collectKeys(FORMS.readTree(form), keys);
        } catch (IOException e) {
            throw new ProcessEngineException("The form of task " + taskId + " cannot be read", e);
        }
        return keys;
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node == null) {
            return;
        }
        JsonNode key = node.get("key");
        if (key != null && key.isTextual()) {
            keys.add(key.asText());
        }
        JsonNode components = node.get("components");
        if (components != null && components.isArray()) {
            components.forEach(component -> collectKeys(component, keys));
        }
    }

    /** The message of a task listener's input check ({@link TaskInputs}) that refused the completion, if any. */
    private static String invalidInput(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskInputs.InvalidTaskInputException) {
                return cause.getMessage();
            }
        }
        return null;
    }
}
