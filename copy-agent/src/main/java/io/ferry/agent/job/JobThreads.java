package io.ferry.agent.job;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.transfer.Cancellation.StoppedException;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;

/**
 * The thread pools of one job and its cancellation: {@link #stop} ends every pool's work at once, and
 * waits for results give up as soon as the job is stopped.
 */
final class JobThreads {

    private static final Logger LOG = Logger.getLogger(JobThreads.class);
    private static final long POLL_MILLIS = 100;
    private static final long STOP_WAIT_SECONDS = 10;

    private final String jobId;
    private final Cancellation cancellation = new Cancellation();
    private final Set<ExecutorService> pools = ConcurrentHashMap.newKeySet();
    private final AtomicInteger poolNumber = new AtomicInteger();

    JobThreads(String jobId) {
        this.jobId = jobId;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    void stop(Reason reason) {
        cancellation.stop(reason);
        pools.forEach(ExecutorService::shutdownNow);
    }

    ExecutorService pool(int threads, String kind) {
        String prefix = "job-" + jobId + "-" + kind + "-" + poolNumber.incrementAndGet() + "-";
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> daemon(runnable, prefix + threadNumber.incrementAndGet()));
        pools.add(pool);
        if (cancellation.isStopped()) {
            pool.shutdownNow();
        }
        return pool;
    }

    /** Stops a pool's remaining tasks and waits until its threads have let go of every file. */
    void release(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("Threads of job %s did not stop within %d s", jobId, STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pools.remove(pool);
    }

    void releaseAll() {
        List.copyOf(pools).forEach(this::release);
    }

    /** The next finished task's result; gives up at once when the job is stopped. */
    <T> T next(CompletionService<T> completion) throws WriteFailedException, UnreadableFileException {
        while (true) {
            cancellation.check();
            try {
                Future<T> done = completion.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (done != null) {
                    return done.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(Reason.AGENT_STOPPING);
                throw new StoppedException(cancellation.reason());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof WriteFailedException writeFailed) {
                    throw writeFailed;
                }
                if (cause instanceof UnreadableFileException unreadable) {
                    throw unreadable;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
