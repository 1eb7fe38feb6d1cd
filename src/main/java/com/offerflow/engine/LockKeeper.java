package com.offerflow.engine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Extends an external task's lock while a worker works it, every half lock duration, on one shared daemon thread;
 * {@link ScheduledFuture#cancel} stops it. Any worker's: the app's, a separate scan worker's.
 */
public final class LockKeeper {

    private static final ScheduledExecutorService KEEPERS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "external-task-lock-keeper");
        thread.setDaemon(true);
        return thread;
    });

    private LockKeeper() {
    }

    public static ScheduledFuture<?> keep(Duration lockDuration, Runnable extend) {
        long every = Math.max(lockDuration.toMillis() / 2, 1000);
        return KEEPERS.scheduleAtFixedRate(extend, every, every, TimeUnit.MILLISECONDS);
    }
}
