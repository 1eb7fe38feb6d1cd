package com.offerflow.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * What every worker does with a locked external task, whichever API locked it (the engine's Java API in the app,
 * the external task client in a separate worker process): do the work while the lock is kept, then complete the task
 * with the variables the work returns. A failure, an {@link Error} too (a stack overflow, an exhausted heap: the
 * task must not stay locked for ever), is reported with the retries left, then becomes an incident whose message
 * says what failed and what to do ({@link TaskFailure}).
 */
public final class ExternalTaskFlow {

    /** A locked task, on whichever API locked it. */
    public interface LockedTask {

        String id();

        /** The task's retries as fetched: null before its first failure. */
        Integer retries();

        void extendLock(long lockDurationMillis);

        void complete(Map<String, Object> variables);

        void handleFailure(String message, String details, int retries, long retryTimeoutMillis);
    }

    /** The work of one task; returns the variables to complete it with. */
    public interface Work {
        Map<String, Object> perform() throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(ExternalTaskFlow.class);

    private ExternalTaskFlow() {
    }

    /**
     * @param what     the work as an incident names it: "Packaging of publication …"
     * @param whatToDo the operator's way out once the retries are used up
     * @return whether the work succeeded and the task was completed
     */
    public static boolean work(LockedTask task, String what, String whatToDo, WorkerSettings settings, Work work) {
        ScheduledFuture<?> lockKeeper = LockKeeper.keep(settings.lockDuration(), () -> extendLock(task, settings));
        Map<String, Object> variables;
        try {
            variables = work.perform();
        } catch (Exception | Error e) {
            fail(task, TaskFailure.of(what, task.retries(), settings.retries(), e, whatToDo), settings, e);
            return false;
        } finally {
            lockKeeper.cancel(false);
        }
        task.complete(variables);
        return true;
    }

    private static void extendLock(LockedTask task, WorkerSettings settings) {
        try {
            task.extendLock(settings.lockDuration().toMillis());
        } catch (RuntimeException e) {
            log.warn("Could not extend the lock of external task {}: {}", task.id(), e.getMessage());
        }
    }

    private static void fail(LockedTask task, TaskFailure failure, WorkerSettings settings, Throwable e) {
        log.error(failure.message(), e);
        try {
            task.handleFailure(failure.message(), failure.details(), failure.retries(),
                    settings.retryTimeout().toMillis());
        } catch (RuntimeException unreported) {
            log.error("Could not report the failure of external task {}", task.id(), unreported);
        }
    }
}
