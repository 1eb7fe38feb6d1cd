package com.offerflow.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A worker of one external task topic inside the app: one thread that polls the engine's Java API and works the
 * topic's tasks one at a time through an {@link ExternalTaskRunner}, started and stopped with the application.
 */
public class InAppWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InAppWorker.class);

    private final String name;
    private final ExternalTaskRunner runner;
    private final String workerId;
    private ScheduledExecutorService poller;
    private volatile boolean running;

    /** @param name the thread's name and the logs' ("certification-worker") */
    public InAppWorker(String name, ExternalTaskRunner runner) {
        this.name = name;
        this.runner = runner;
        this.workerId = "offerflow-" + hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        poller.scheduleWithFixedDelay(this::poll, 0, runner.settings().pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("{} {} polls topic '{}'", name, workerId, runner.topic());
    }

    private void poll() {
        try {
            while (running && runner.workNext(workerId)) {
                // work tasks while there are any, then wait for the next poll
            }
        } catch (RuntimeException | Error e) {
            // a scheduled task that throws is never run again: log and poll on
            log.warn("{} {} could not poll: {}", name, workerId, e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
