package com.offerflow.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

import java.util.Arrays;

/**
 * Server-side checks of what a user task's completion carries: Camunda Forms validate only in the browser, and a
 * task completed over {@code /engine-rest} skips them. A wrong value fails the completion with a plain message and
 * changes nothing.
 */
public final class TaskInputs {

    public static final int MAX_COMMENT_LENGTH = 2000;

    private TaskInputs() {
    }

    /** The decision the task's variable names, one of the enum's constants (sent as its name). */
    public static <E extends Enum<E>> E oneOf(DelegateTask task, String variable, Class<E> decisions) {
        Object value = task.getVariable(variable);
        for (E decision : decisions.getEnumConstants()) {
            if (decision.name().equals(value)) {
                return decision;
            }
        }
        throw new InvalidTaskInputException("'" + variable + "' must be one of " + Arrays.stream(
                decisions.getEnumConstants()).map(Enum::name).sorted().toList());
    }

    /** The comment, trimmed; empty when absent and not required. */
    public static String comment(DelegateTask task, String variable, boolean required) {
        Object value = task.getVariable(variable);
        if (value != null && !(value instanceof String)) {
            throw new InvalidTaskInputException("'" + variable + "' must be text");
        }
        String comment = value == null ? "" : ((String) value).trim();
        if (required && comment.isEmpty()) {
            throw new InvalidTaskInputException("'" + variable + "' is required: say what must change");
        }
        if (comment.length() > MAX_COMMENT_LENGTH) {
            throw new InvalidTaskInputException("'" + variable + "' must be at most " + MAX_COMMENT_LENGTH
                    + " characters");
        }
        return comment;
    }

    /** Who completes the task: the authenticated user of Tasklist, /engine-rest or the API. */
    public static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? "system" : authentication.getUserId();
    }

    /** A completion carried a missing or wrong value. */
    public static class InvalidTaskInputException extends IllegalArgumentException {

        public InvalidTaskInputException(String message) {
            super(message);
        }
    }
}
