package io.ferry.agent.backuptarget.s3;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.ferry.agent.backuptarget.CopyId;
import io.ferry.agent.backuptarget.CopyManifest;
import io.ferry.agent.backuptarget.PvcWriter;
import io.ferry.agent.backuptarget.TargetCopy;
import io.ferry.agent.files.StateFiles;
import io.ferry.agent.resume.CopyLedger;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcName;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One job's copy in a bucket. Objects appear only when complete (a plain PUT, or a multipart upload once it is
 * completed), so a resumed attempt finds nothing half-written; multipart uploads a stopped attempt left open are
 * aborted when the next one begins. An abandoned copy (cancelled or failed) leaves nothing under the job's keys:
 * its uploads in flight are aborted and its objects deleted.
 */
final class S3Copy implements TargetCopy {

    private static final Logger LOG = Logger.getLogger(S3Copy.class);
    private static final long STOP_WAIT_SECONDS = 10;

    private final S3Target target;
    private final CopyId id;
    private final ExecutorService parts;
    private final OpenUploads uploads;
    /** The objects of the copy known to be complete (written by this attempt or found from an earlier one). */
    private final Set<String> complete = ConcurrentHashMap.newKeySet();
    private final ObjectUpload upload;

    S3Copy(S3Target target, CopyId id, ServerChecksum checksum) {
        this.target = target;
        this.id = id;
        this.parts = pool(target.settings().partsAtOnce(), "job-" + id.jobId() + "-part-");
        this.uploads = new OpenUploads(target);
        this.upload = new ObjectUpload(target, checksum, parts, uploads, complete::add);
    }

    @Override
    public PvcWriter pvc(PvcName pvc, CopyLedger.Pvc ledger) {
        return new S3PvcWriter(this, target.layout().pvc(id, pvc), ledger);
    }

    ObjectUpload upload() {
        return upload;
    }

    /** Notes an object an earlier attempt completed, so that abandoning the copy removes it too. */
    void completedEarlier(String key) {
        complete.add(key);
    }

    S3Target target() {
        return target;
    }

    @Override
    public void complete(CopyManifest manifest) throws WriteFailedException {
        String key = target.layout().manifest(id);
        try {
            upload.putBytes(key, StateFiles.json(manifest));
        } catch (IOException e) {
            throw new WriteFailedException("Writing the manifest " + key + " to the " + target.place() + " failed: " + e.getMessage(), e);
        }
    }

    /** Leaves nothing: an object store keeps no manifest of a copy that does not exist. */
    @Override
    public void abandon(CopyManifest manifest) {
        stopUploads();
        removeEverything();
    }

    /**
     * Stops the uploads of the copy where they are. Parts already sent cannot be resumed, so multipart uploads in
     * flight are aborted; complete objects stay for a resumed attempt.
     */
    @Override
    public void close() {
        stopUploads();
        uploads.abortAll("");
    }

    /** Aborts the multipart uploads an earlier attempt of the job left open (it stopped while they were in flight). */
    void abortUploadsLeftBehind() {
        uploads.abortUnder(target.layout().job(id));
    }

    /** Aborts every multipart upload and deletes every object under the job's keys. */
    void removeEverything() {
        removeUnder(target.layout().job(id));
    }

    /**
     * Aborts the uploads and deletes the objects under {@code prefix}, {@code parts-at-once} objects at a time: those
     * the server lists, and those the copy knows of even where listing fails.
     */
    void removeUnder(String prefix) {
        uploads.abortAll(prefix);
        uploads.abortUnder(prefix);
        Set<String> keys = new TreeSet<>();
        complete.stream().filter(key -> key.startsWith(prefix)).forEach(keys::add);
        try {
            target.client().listObjectsV2Paginator(list -> list.bucket(target.bucket()).prefix(prefix)).contents().stream()
                    .map(S3Object::key).forEach(keys::add);
        } catch (SdkException e) {
            target.cleanupFailed("Listing the objects under " + prefix + " to remove them", e);
        }
        ExecutorService deleters = pool(target.settings().partsAtOnce(), "job-" + id.jobId() + "-delete-");
        try {
            List<Future<?>> deletes = keys.stream().<Future<?>>map(key -> deleters.submit(() -> delete(key))).toList();
            for (Future<?> delete : deletes) {
                delete.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warnf("Removing the objects under %s failed: %s", prefix, e.getCause().toString());
        } finally {
            deleters.shutdownNow();
        }
    }

    private void delete(String key) {
        try {
            target.client().deleteObject(delete -> delete.bucket(target.bucket()).key(key));
            complete.remove(key);
        } catch (SdkException e) {
            target.cleanupFailed("Deleting " + key, e);
        }
    }

    private void stopUploads() {
        parts.shutdownNow();
        try {
            if (!parts.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("Part uploads of job %s did not stop within %d s", id.jobId(), STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService pool(int threads, String prefix) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
