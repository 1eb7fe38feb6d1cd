package com.offerflow.support;

import com.offerflow.certification.CertifyImageHandler;
import com.offerflow.identity.Caller;
import com.offerflow.packaging.PackageImageTask;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.publication.PublicationService;
import com.offerflow.publication.StepRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives publications in process tests, where the job executor and the in-app workers are off: runs due jobs and
 * the packaging task, works the scan task, fires timers, and reads what the publisher would see.
 */
@Component
public class ProcessDriver {

    private final PublicationService publications;
    private final PublicationRepository repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final CertifyImageHandler scanner;
    private final PackageImageTask packager;

    ProcessDriver(PublicationService publications, PublicationRepository repository, RuntimeService runtime,
            ManagementService management, TaskService tasks, CertifyImageHandler scanner, PackageImageTask packager) {
        this.publications = publications;
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.scanner = scanner;
        this.packager = packager;
    }

    /** Removes every running publication instance, so the next test's scan task is the only one. */
    public void deleteAllInstances() {
        runtime.createProcessInstanceQuery().list().forEach(instance ->
                runtime.deleteProcessInstance(instance.getId(), "test cleanup", true, true));
    }

    public String start(Caller caller, String offerId) {
        return publications.start(caller, offerId).publicationId();
    }

    public ProcessInstance instance(String publicationId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(publicationId).singleResult();
    }

    public String instanceId(String publicationId) {
        return repository.find(publicationId).orElseThrow().processInstanceId();
    }

    /**
     * Runs the publication's due jobs (async continuations, not future timers) and its packaging task, as the job
     * executor and the packaging worker would, until none is left.
     */
    public void runJobs(String publicationId) {
        String instanceId = instanceId(publicationId);
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(instanceId).executable().messages().list();
            if (jobs.isEmpty() && !packager.workNextOf("test-worker", publicationId)) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs of publication " + publicationId + " keep coming");
    }

    /** Works the pending scan task, as the certification worker would, then runs the jobs that follow. */
    public void scan(String publicationId) {
        assertThat(scanner.workNext("test-worker")).as("a certify-image task is waiting").isTrue();
        runJobs(publicationId);
    }

    /** Runs one due job of the given activity (without running the jobs that follow). */
    public void runJobNamed(String publicationId, String activityId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(instanceId(publicationId)).messages()
                .activityId(activityId).list();
        assertThat(jobs).as("a job of " + activityId).isNotEmpty();
        management.executeJob(jobs.get(0).getId());
    }

    public CertifyImageHandler scanner() {
        return scanner;
    }

    public Task task(String publicationId, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(instanceId(publicationId)).taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** The timer job of a boundary or start event. */
    public Job timer(String publicationId, String activityId) {
        return management.createJobQuery().processInstanceId(instanceId(publicationId)).timers()
                .activityId(activityId).singleResult();
    }

    /** Fires a timer now, whatever its due date, then runs the jobs that follow. */
    public void fire(String publicationId, String timerActivityId) {
        fireOnly(publicationId, timerActivityId);
        runJobs(publicationId);
    }

    /** Fires a timer now, whatever its due date, and nothing else. */
    public void fireOnly(String publicationId, String timerActivityId) {
        Job timer = timer(publicationId, timerActivityId);
        assertThat(timer).as("timer " + timerActivityId).isNotNull();
        management.executeJob(timer.getId());
    }

    public Publication publication(String publicationId) {
        return repository.find(publicationId).orElseThrow();
    }

    public List<StepRecord> steps(String publicationId) {
        return repository.steps(publicationId);
    }
}
