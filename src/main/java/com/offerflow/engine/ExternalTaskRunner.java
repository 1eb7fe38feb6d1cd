package com.offerflow.engine;

import com.offerflow.process.ProcessVariables;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * Works the external tasks of one topic in the app, one at a time, for the long steps (a scan, a registry pull):
 * fetch and lock, do the work outside any transaction (no job-executor thread, no database connection held while it
 * runs) while the lock is extended, then complete the task with the variables the work returns. A technical failure
 * is retried after a pause, then becomes an incident whose message says what failed and what to do.
 */
public final class ExternalTaskRunner {

    /** The work of one task; returns the variables to complete it with. */
    public interface Work {
        Map<String, Object> perform(LockedExternalTask task) throws Exception;
    }

    /** How long a task stays locked (extended while it runs), and how a failure is retried. */
    public record Settings(Duration lockDuration, int retries, Duration retryTimeout) {
    }

    private static final Logger log = LoggerFactory.getLogger(ExternalTaskRunner.class);

    private final ExternalTaskService externalTasks;
    private final String topic;
    private final String what;
    private final String whatToDo;
    private final Settings settings;
    private final Work work;

    /**
     * @param what     the work, as an incident names it: "Certification scan", "Packaging"
     * @param whatToDo the operator's way out once the retries are used up
     */
    public ExternalTaskRunner(ExternalTaskService externalTasks, String topic, String what, String whatToDo,
                              Settings settings, Work work) {
        this.externalTasks = externalTasks;
        this.topic = topic;
        this.what = what;
        this.whatToDo = whatToDo;
        this.settings = settings;
        this.work = work;
    }

    public String topic() {
        return topic;
    }

    /** Fetches, locks and works the next task of the topic, if there is one; false when there was none. */
    public boolean workNext(String workerId) {
        return workNext(workerId, null);
    }

    /**
     * The same for one publication's task only (the process instance's business key is the publication id), as a
     * driver of one publication works it.
     */
    public boolean workNext(String workerId, String publicationId) {
        var topicQuery = externalTasks.fetchAndLock(1, workerId).topic(topic, settings.lockDuration().toMillis());
        if (publicationId != null) {
            topicQuery.businessKey(publicationId);
        }
        List<LockedExternalTask> tasks = topicQuery.execute();
        if (tasks.isEmpty()) {
            return false;
        }
        work(tasks.get(0), workerId);
        return true;
    }

    private void work(LockedExternalTask task, String workerId) {
        ScheduledFuture<?> lockKeeper = LockKeeper.keep(settings.lockDuration(), () -> extendLock(task, workerId));
        Map<String, Object> variables;
        try {
            variables = work.perform(task);
        } catch (Exception | Error e) {
            // an Error too (a stack overflow, an exhausted heap): the task must not stay locked for ever
            fail(task, workerId, e);
            return;
        } finally {
            lockKeeper.cancel(false);
        }
        externalTasks.complete(task.getId(), workerId, variables);
    }

    private void extendLock(LockedExternalTask task, String workerId) {
        try {
            externalTasks.extendLock(task.getId(), workerId, settings.lockDuration().toMillis());
        } catch (RuntimeException e) {
            log.warn("Could not extend the lock of external task {}: {}", task.getId(), e.getMessage());
        }
    }

    private void fail(LockedExternalTask task, String workerId, Throwable e) {
        TaskFailure failure = TaskFailure.of(what + " of publication "
                + task.getVariables().get(ProcessVariables.PUBLICATION_ID), task.getRetries(), settings.retries(), e,
                whatToDo);
        log.error(failure.message(), e);
        try {
            externalTasks.handleFailure(task.getId(), workerId, failure.message(), failure.details(),
                    failure.retries(), settings.retryTimeout().toMillis());
        } catch (RuntimeException unreported) {
            log.error("Could not report the failure of external task {}", task.getId(), unreported);
        }
    }
}
