package com.offerflow.engine;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;

import java.util.List;
import java.util.Map;

/**
 * Works the external tasks of one topic in the app, one at a time, for the long steps (a scan, a registry pull):
 * fetch and lock on the engine's Java API, then the {@link ExternalTaskFlow} every worker follows: the work outside
 * any transaction (no job-executor thread, no database connection held while it runs) while the lock is extended,
 * completion with the variables the work returns, or a failure retried and then an incident that says what to do.
 */
public final class ExternalTaskRunner {

    /** The work of one task; returns the variables to complete it with. */
    public interface Work {
        Map<String, Object> perform(LockedExternalTask task) throws Exception;
    }

    private final ExternalTaskService externalTasks;
    private final String topic;
    private final String what;
    private final String whatToDo;
    private final WorkerSettings settings;
    private final Work work;

    /**
     * @param what     the work, as an incident names it: "Certification scan", "Packaging"
     * @param whatToDo the operator's way out once the retries are used up
     */
    public ExternalTaskRunner(ExternalTaskService externalTasks, String topic, String what, String whatToDo,
                              WorkerSettings settings, Work work) {
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

    public WorkerSettings settings() {
        return settings;
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
        LockedExternalTask task = tasks.get(0);
        ExternalTaskFlow.work(new Locked(task, workerId), what + " of publication " + task.getBusinessKey(),
                whatToDo, settings, () -> work.perform(task));
        return true;
    }

    /** A task locked on the engine's Java API by this worker. */
    private final class Locked implements ExternalTaskFlow.LockedTask {

        private final LockedExternalTask task;
        private final String workerId;

        Locked(LockedExternalTask task, String workerId) {
            this.task = task;
            this.workerId = workerId;
        }

        @Override
        public String id() {
            return task.getId();
        }

        @Override
        public Integer retries() {
            return task.getRetries();
        }

        @Override
        public void extendLock(long lockDurationMillis) {
            externalTasks.extendLock(task.getId(), workerId, lockDurationMillis);
        }

        @Override
        public void complete(Map<String, Object> variables) {
            externalTasks.complete(task.getId(), workerId, variables);
        }

        @Override
        public void handleFailure(String message, String details, int retries, long retryTimeoutMillis) {
            externalTasks.handleFailure(task.getId(), workerId, message, details, retries, retryTimeoutMillis);
        }
    }
}
