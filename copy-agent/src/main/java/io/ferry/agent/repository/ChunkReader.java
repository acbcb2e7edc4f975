package io.ferry.agent.repository;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.ferry.agent.repository.crypto.DamagedDataException;
import io.ferry.agent.repository.index.BlobLocation;
import io.ferry.agent.repository.pack.PackBuilder;
import io.ferry.agent.transfer.RateLimit;

/**
 * Reads the chunks a restore needs from a repository, a pack at a time: the first request for a chunk of a pack
 * downloads, in one request, the span of that pack from its first to its last chunk the restore needs, and the span
 * serves every other chunk of the pack until the restore has taken each as often as it needs it. Spans held at once
 * stay within a memory budget; beyond it chunks are read one by one. {@link #prefetch} starts downloading a span before
 * it is asked for, so that a file's next pack arrives while its current one is written. Every byte downloaded passes
 * the download limit. Thread-safe; close it when the restore ends.
 */
public final class ChunkReader implements AutoCloseable {

    /** The part of a pack the restore needs, and how many chunk reads it still has to serve. */
    private static final class Span {
        final String pack;
        long start = Long.MAX_VALUE;
        long end;
        final AtomicInteger reads = new AtomicInteger();

        Span(String pack) {
            this.pack = pack;
        }

        int length() {
            return (int) (end - start);
        }
    }

    private final Repository repository;
    private final RateLimit downloadLimit;
    private final long budget;
    private final Map<String, Span> spans = new HashMap<>();
    private final Map<String, CompletableFuture<byte[]>> loaded = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong downloaded = new AtomicLong();
    private final ExecutorService prefetcher;

    /**
     * @param chunkReads every chunk the restore will read, once per read (a chunk in two files: twice)
     * @param budget     the most bytes of spans held at once
     * @throws RepositoryException when no index names one of the chunks
     */
    public ChunkReader(Repository repository, Collection<String> chunkReads, RateLimit downloadLimit, long budget, int prefetchThreads)
            throws RepositoryException {
        this.repository = repository;
        this.downloadLimit = downloadLimit;
        this.budget = budget;
        for (String chunk : chunkReads) {
            BlobLocation location = locate(chunk);
            Span span = spans.computeIfAbsent(location.pack(), Span::new);
            span.start = Math.min(span.start, location.offset());
            span.end = Math.max(span.end, location.offset() + location.length());
            span.reads.incrementAndGet();
        }
        this.prefetcher = Executors.newFixedThreadPool(Math.max(1, prefetchThreads), runnable -> {
            Thread thread = new Thread(runnable, "restore-prefetch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Bytes downloaded so far. */
    public long downloaded() {
        return downloaded.get();
    }

    /** The pack that holds a chunk (for ordering reads by pack). */
    public String packOf(String chunkId) throws RepositoryException {
        return locate(chunkId).pack();
    }

    /** Starts downloading the span of the chunk's pack, if it is not held yet and fits the budget. */
    public void prefetch(String chunkId) {
        BlobLocation location = repository.index().locate(chunkId);
        Span span = location == null ? null : spans.get(location.pack());
        if (span == null || span.reads.get() == 0 || loaded.containsKey(span.pack) || span.length() > budget - held.get()) {
            return;
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        if (loaded.putIfAbsent(span.pack, mine) == null) {
            if (!reserve(span)) {
                loaded.remove(span.pack, mine);
                mine.complete(null);
                return;
            }
            prefetcher.execute(() -> fetch(span, mine));
        }
    }

    /**
     * The plaintext of a chunk, authenticated (its id is bound to it as associated data) and of its length; the caller
     * checks what the chunks make up, the file's SHA-256.
     *
     * @throws RepositoryException when the chunk, or the pack holding it, is missing or damaged
     */
    public byte[] chunk(String chunkId) throws IOException, RepositoryException {
        BlobLocation location = locate(chunkId);
        Span span = spans.get(location.pack());
        byte[] sealed = span == null ? null : fromSpan(span, location);
        if (sealed == null) {
            sealed = direct(location, chunkId);
        }
        try {
            return repository.openAuthenticatedChunk(HexFormat.of().parseHex(chunkId), location, sealed);
        } catch (DamagedDataException damage) {
            throw new RepositoryException("Chunk %s in pack %s of the %s is damaged: %s".formatted(chunkId, location.pack(),
                    repository.place(), damage.getMessage()));
        }
    }

    /** The chunk's sealed bytes from its span (downloading the span first if no one has); null when the span does not fit. */
    private byte[] fromSpan(Span span, BlobLocation location) throws IOException, RepositoryException {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> existing = loaded.putIfAbsent(span.pack, mine);
        if (existing == null) {
            if (!reserve(span)) {
                loaded.remove(span.pack, mine);
                mine.complete(null);
                return null;
            }
            fetch(span, mine);
        }
        byte[] bytes = await(existing == null ? mine : existing, location);
        if (bytes == null) {
            return null;
        }
        int from = (int) (location.offset() - span.start);
        byte[] sealed = Arrays.copyOfRange(bytes, from, from + location.length());
        if (span.reads.decrementAndGet() == 0 && loaded.remove(span.pack) != null) {
            held.addAndGet(-span.length());
        }
        return sealed;
    }

    private void fetch(Span span, CompletableFuture<byte[]> result) {
        try {
            downloadLimit.acquire(span.length());
            byte[] bytes = repository.storage().get(PackBuilder.objectName(span.pack), span.start, span.length());
            downloaded.addAndGet(bytes.length);
            result.complete(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(span, result, new InterruptedIOException("Interrupted while downloading pack " + span.pack));
        } catch (IOException | RuntimeException e) {
            fail(span, result, e);
        }
    }

    private void fail(Span span, CompletableFuture<byte[]> result, Exception failure) {
        if (loaded.remove(span.pack, result)) {
            held.addAndGet(-span.length());
        }
        result.completeExceptionally(failure);
    }

    private byte[] await(CompletableFuture<byte[]> span, BlobLocation location) throws IOException, RepositoryException {
        try {
            return span.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for pack " + location.pack());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw missing(location);
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("Downloading pack " + location.pack() + " failed", e.getCause());
        }
    }

    private byte[] direct(BlobLocation location, String chunkId) throws IOException, RepositoryException {
        try {
            downloadLimit.acquire(location.length());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to download chunk " + chunkId);
        }
        try {
            byte[] sealed = repository.storage().get(PackBuilder.objectName(location.pack()), location.offset(), location.length());
            downloaded.addAndGet(sealed.length);
            return sealed;
        } catch (NoSuchFileException e) {
            throw missing(location);
        }
    }

    private boolean reserve(Span span) {
        while (true) {
            long now = held.get();
            if (now + span.length() > budget) {
                return false;
            }
            if (held.compareAndSet(now, now + span.length())) {
                return true;
            }
        }
    }

    private BlobLocation locate(String chunkId) throws RepositoryException {
        BlobLocation location = repository.index().locate(chunkId);
        if (location == null) {
            throw new RepositoryException("Chunk %s is in no index of the %s".formatted(chunkId, repository.place()));
        }
        return location;
    }

    private RepositoryException missing(BlobLocation location) {
        return new RepositoryException("Pack %s is missing from the %s".formatted(location.pack(), repository.place()));
    }

    /** Every chunk read of these chunk lists, for {@link ChunkReader#ChunkReader}. */
    public static List<String> reads(Collection<List<String>> chunkLists) {
        return chunkLists.stream().flatMap(List::stream).toList();
    }

    @Override
    public void close() {
        prefetcher.shutdownNow();
        loaded.clear();
    }
}
