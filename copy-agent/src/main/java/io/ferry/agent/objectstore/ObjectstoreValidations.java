package io.ferry.agent.objectstore;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.agent.backuptarget.BackupTargets;
import io.ferry.agent.backuptarget.TargetUnusableException;
import io.ferry.agent.events.AgentEvents;
import io.ferry.agent.tracing.WorkTraces;
import io.ferry.events.objectstore.ObjectstoreValidated;
import io.ferry.events.objectstore.ObjectstoreValidationRequested;

/**
 * Checks objectstores when Ferry asks: the probe a copy job runs before it starts, on a few threads of its own so
 * that a slow or unreachable endpoint never holds up the command channel; the result goes to Ferry as
 * {@link ObjectstoreValidated}.
 */
@ApplicationScoped
public class ObjectstoreValidations {

    private static final Logger LOG = Logger.getLogger(ObjectstoreValidations.class);
    private static final int THREADS = 2;

    private final BackupTargets targets;
    private final AgentEvents events;
    private final WorkTraces traces;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService checks = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "ferry-objectstore-check-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public ObjectstoreValidations(BackupTargets targets, AgentEvents events, WorkTraces traces) {
        this.targets = targets;
        this.events = events;
        this.traces = traces;
    }

    /**
     * Starts the check and returns at once.
     *
     * @param traceparent the trace of the request (null: none)
     */
    public void request(String orgId, ObjectstoreValidationRequested request, String traceparent) {
        traces.begin(request.objectstoreId(), "check objectstore", traceparent);
        try {
            checks.submit(() -> check(orgId, request));
        } catch (RejectedExecutionException e) {
            LOG.infof("Not checking objectstore %s: the agent is stopping", request.objectstoreId());
            traces.end(request.objectstoreId(), true);
        }
    }

    private void check(String orgId, ObjectstoreValidationRequested request) {
        boolean usable;
        String message;
        try {
            message = targets.validate(request.target());
            usable = true;
        } catch (TargetUnusableException e) {
            message = e.getMessage();
            usable = false;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Checking objectstore %s failed", request.objectstoreId());
            message = "The agent could not check the objectstore: " + e.getClass().getSimpleName();
            usable = false;
        }
        LOG.infof("Objectstore %s (revision %d) %s: %s", request.objectstoreId(), request.revision(), usable ? "is usable" : "is not usable",
                message);
        try {
            events.publishDurably(orgId, request.objectstoreId(), new ObjectstoreValidated(request.objectstoreId(), request.clusterId(),
                    request.revision(), usable, message, Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            traces.end(request.objectstoreId(), !usable);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        checks.shutdownNow();
        checks.awaitTermination(5, TimeUnit.SECONDS);
    }
}
