package io.ferry.agent.repository;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.ferry.agent.repository.storage.Storage;

/**
 * A lock object, {@code locks/<random id>}: <em>shared</em> while a copy writes or a restore reads, <em>exclusive</em>
 * while garbage collection (prune) deletes. The holder rewrites it every {@link #REFRESH_EVERY}; one not rewritten for
 * {@link #STALE_AFTER} was left by a killed agent and is ignored (and removed by the next prune). Taking a lock writes
 * it first and then lists the others, so of two that race at least one sees the other (S3 and file systems list
 * what was written before).
 */
public final class RepositoryLock implements AutoCloseable {

    static final String SHARED = "shared";
    static final String EXCLUSIVE = "exclusive";
    static final Duration REFRESH_EVERY = Duration.ofMinutes(5);
    static final Duration STALE_AFTER = Duration.ofMinutes(30);
    /** How long a writer or a restore waits for garbage collection to end. */
    static final Duration GC_WAIT = Duration.ofMinutes(15);
    private static final Duration POLL = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(RepositoryLock.class);
    private static final ScheduledExecutorService REFRESHER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "repository-lock-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /** A lock object's content (plaintext JSON). */
    record Content(String kind, Instant created, Instant refreshed, String holder) {

        boolean staleAt(Instant now) {
            Instant last = refreshed != null ? refreshed : created;
            return last == null || last.plus(STALE_AFTER).isBefore(now);
        }
    }

    private final Storage storage;
    private final String name;
    private final Content content;
    private final ScheduledFuture<?> refresh;
    private boolean closed;

    private RepositoryLock(Storage storage, String name, Content content) {
        this.storage = storage;
        this.name = name;
        this.content = content;
        long every = REFRESH_EVERY.toMillis();
        this.refresh = REFRESHER.scheduleAtFixedRate(this::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes a shared lock, waiting up to {@link #GC_WAIT} while garbage collection holds the repository (a prune takes
     * seconds to minutes; a stale exclusive lock is ignored).
     *
     * @throws RepositoryException when garbage collection still holds it after that, or the wait is interrupted
     */
    static RepositoryLock shared(Storage storage, String holder) throws IOException, RepositoryException {
        Instant giveUp = Instant.now().plus(GC_WAIT);
        while (true) {
            RepositoryLock lock = write(storage, SHARED, holder);
            Optional<Content> exclusive = lock.otherLive(true);
            if (exclusive.isEmpty()) {
                return lock;
            }
            lock.close();
            if (Instant.now().isAfter(giveUp)) {
                throw new RepositoryException("The %s has been locked by garbage collection (%s) for over %d minutes; it cannot be used now"
                        .formatted(storage.place(), exclusive.get().holder(), GC_WAIT.toMinutes()));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RepositoryException("Stopped while waiting for garbage collection of the %s to end".formatted(storage.place()));
            }
        }
    }

    /** Takes the exclusive lock, or names who holds the repository (empty lock, the holder's description). */
    static Attempt exclusive(Storage storage, String holder) throws IOException {
        RepositoryLock lock = write(storage, EXCLUSIVE, holder);
        Optional<Content> other = lock.otherLive(false);
        if (other.isPresent()) {
            lock.close();
            return new Attempt(null, other.get().kind() + " lock of " + other.get().holder());
        }
        return new Attempt(lock, null);
    }

    /** The exclusive lock, or why it could not be taken. */
    record Attempt(RepositoryLock lock, String heldBy) {
    }

    /** Removes the locks nobody has refreshed for {@link #STALE_AFTER}; returns how many. */
    static int removeStale(Storage storage, String except) throws IOException {
        int removed = 0;
        Instant now = Instant.now();
        for (String other : storage.list(Repository.LOCKS)) {
            Optional<Content> content = read(storage, other);
            if (!other.equals(except) && content.isPresent() && content.get().staleAt(now)) {
                LOG.infof("Removing stale lock %s of the %s (%s, last refreshed %s)", other, storage.place(), content.get().holder(),
                        content.get().refreshed() != null ? content.get().refreshed() : content.get().created());
                storage.delete(other);
                removed++;
            }
        }
        return removed;
    }

    private static RepositoryLock write(Storage storage, String kind, String holder) throws IOException {
        String name = Repository.LOCKS + Repository.randomId();
        Instant now = Instant.now();
        Content content = new Content(kind, now, now, holder);
        storage.put(name, RepositoryJson.write(content));
        return new RepositoryLock(storage, name, content);
    }

    /** Another lock that is not stale: any kind, or ({@code exclusiveOnly}) exclusive ones. */
    private Optional<Content> otherLive(boolean exclusiveOnly) throws IOException {
        Instant now = Instant.now();
        for (String other : storage.list(Repository.LOCKS)) {
            if (other.equals(name)) {
                continue;
            }
            Optional<Content> content = read(storage, other);
            if (content.isPresent() && !content.get().staleAt(now) && (!exclusiveOnly || EXCLUSIVE.equals(content.get().kind()))) {
                return content;
            }
        }
        return Optional.empty();
    }

    /** A lock's content; empty when it went away while being looked at. */
    private static Optional<Content> read(Storage storage, String name) throws IOException {
        try {
            return Optional.of(RepositoryJson.read(storage.get(name), Content.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    String name() {
        return name;
    }

    private synchronized void refresh() {
        if (closed) {
            return;
        }
        try {
            storage.put(name, RepositoryJson.write(new Content(content.kind(), content.created(), Instant.now(), content.holder())));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not refresh lock %s of the %s: %s", name, storage.place(), e.getMessage());
        }
    }

    /** Releases the lock. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        refresh.cancel(false);
        try {
            storage.delete(name);
        } catch (IOException e) {
            LOG.warnf("Could not remove lock %s of the %s: %s", name, storage.place(), e.getMessage());
        }
    }
}
