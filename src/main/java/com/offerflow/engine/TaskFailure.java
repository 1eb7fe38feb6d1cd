package com.offerflow.engine;

/**
 * What a failed external task tells Cockpit, whoever worked it (the app's workers, a separate scan worker): the
 * retries left, a message that says what failed and, once no retry is left, what to do, and the failure's causes
 * and stack frames as the incident's details.
 *
 * @param message at most 600 characters, as Camunda's error message column takes
 */
public record TaskFailure(String message, String details, int retries) {

    private static final int MAX_MESSAGE = 600;
    private static final int MAX_DETAILS = 8000;

    /**
     * @param what         the failed work as an incident names it: "Certification scan of publication …"
     * @param taskRetries  the task's retries as fetched (null on its first failure)
     * @param retries      the retries a task gets after its first failure
     * @param whatToDo     the operator's way out once no retry is left
     */
    public static TaskFailure of(String what, Integer taskRetries, int retries, Throwable failure, String whatToDo) {
        int left = Math.max(taskRetries == null ? retries : taskRetries - 1, 0);
        String message = what + " failed: " + failure.getMessage() + (left > 0 ? " (will retry)" : ". " + whatToDo);
        return new TaskFailure(message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…",
                details(failure), left);
    }

    private static String details(Throwable failure) {
        StringBuilder details = new StringBuilder();
        for (Throwable cause = failure; cause != null && details.length() < MAX_DETAILS; cause = cause.getCause()) {
            details.append(cause == failure ? "" : "Caused by: ").append(cause).append('\n');
            for (StackTraceElement frame : cause.getStackTrace()) {
                details.append("\tat ").append(frame).append('\n');
            }
        }
        return details.toString();
    }
}
