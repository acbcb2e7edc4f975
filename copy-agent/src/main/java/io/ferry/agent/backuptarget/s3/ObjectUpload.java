package io.ferry.agent.backuptarget.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.ferry.agent.backuptarget.CopyManifest.FileEntry;
import io.ferry.agent.backuptarget.s3.SourceDigests.Part;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.Cancellation.Reason;
import io.ferry.agent.transfer.Cancellation.StoppedException;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.transfer.UnreadableFileException;
import io.ferry.agent.transfer.WriteFailedException;
import io.ferry.agent.volume.PvcScan.PvcFile;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Uploads one file as one object: read once for its digests ({@link SourceDigests}), then sent with the checksum
 * the server verifies. A file of at least the part size goes as a multipart upload whose parts are sent
 * {@code parts-at-once} at a time (over all files of the job) and which becomes an object only when completed.
 */
final class ObjectUpload {

    private static final String OCTET_STREAM = "application/octet-stream";
    private static final long POLL_MILLIS = 100;

    private final S3Target target;
    private final ServerChecksum checksum;
    private final ExecutorService parts;
    private final OpenUploads uploads;
    private final Consumer<String> completed;

    /** @param completed told the key of every object completed */
    ObjectUpload(S3Target target, ServerChecksum checksum, ExecutorService parts, OpenUploads uploads, Consumer<String> completed) {
        this.target = target;
        this.checksum = checksum;
        this.parts = parts;
        this.uploads = uploads;
        this.completed = completed;
    }

    FileEntry upload(PvcFile file, String key, String label, RateLimit limit, Cancellation cancellation, TransferListener listener)
            throws UnreadableFileException, WriteFailedException {
        SourceDigests digests = SourceDigests.read(file.source(), file.size(), target.settings().partSize(), checksum, label,
                cancellation, listener);
        if (digests.multipart()) {
            multipart(file, key, label, digests, limit, cancellation, listener);
        } else {
            single(file, key, label, digests, limit, cancellation, listener);
        }
        completed.accept(key);
        listener.fileDone();
        return new FileEntry(file.relativePath(), digests.size(), digests.sha256());
    }

    /** A small object (a manifest) from memory. */
    void putBytes(String key, byte[] data) throws WriteFailedException {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(target.bucket()).key(key).contentType("application/json");
        checksum.on(request, checksum.newDigest().digest(data));
        try {
            target.client().putObject(request.build(), RequestBody.fromBytes(data));
            completed.accept(key);
        } catch (SdkException e) {
            throw new WriteFailedException(target.failures().describe("Writing " + key, e), e);
        }
    }

    private void single(PvcFile file, String key, String label, SourceDigests digests, RateLimit limit, Cancellation cancellation,
            TransferListener listener) throws WriteFailedException {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(target.bucket()).key(key)
                .contentLength(digests.size()).contentType(OCTET_STREAM).metadata(Map.of(S3Layout.SHA256_METADATA, digests.sha256()));
        checksum.on(request, digests.parts().get(0).digest());
        try (FileRange body = new FileRange(file.source(), 0, digests.size(), limit, cancellation, listener)) {
            target.client().putObject(request.build(), RequestBody.fromContentProvider(body, digests.size(), OCTET_STREAM));
        } catch (SdkException e) {
            throw failure("Uploading " + label, cancellation, e);
        }
    }

    private void multipart(PvcFile file, String key, String label, SourceDigests digests, RateLimit limit,
            Cancellation cancellation, TransferListener listener) throws WriteFailedException {
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder().bucket(target.bucket()).key(key)
                .contentType(OCTET_STREAM).metadata(Map.of(S3Layout.SHA256_METADATA, digests.sha256()));
        checksum.on(create);
        String uploadId;
        try {
            uploadId = uploads.start(key, target.client().createMultipartUpload(create.build()).uploadId());
        } catch (SdkException e) {
            throw failure("Starting the multipart upload of " + label, cancellation, e);
        }
        List<Future<CompletedPart>> sent = new ArrayList<>();
        try {
            for (Part part : digests.parts()) {
                sent.add(parts.submit(() -> part(file, key, uploadId, label, part, limit, cancellation, listener)));
            }
            List<CompletedPart> completed = new ArrayList<>();
            for (Future<CompletedPart> part : sent) {
                completed.add(await(part, cancellation));
            }
            target.client().completeMultipartUpload(complete -> complete.bucket(target.bucket()).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(completed)));
            uploads.completed(uploadId);
        } catch (SdkException e) {
            sent.forEach(part -> part.cancel(true));
            WriteFailedException failure = failure("Completing the multipart upload of " + label, cancellation, e);
            uploads.abort(uploadId, key);
            throw failure;
        } catch (WriteFailedException e) {
            sent.forEach(part -> part.cancel(true));
            uploads.abort(uploadId, key);
            throw e;
        } catch (StoppedException | RejectedExecutionException e) {
            // The copy is stopping: it aborts the uploads still open when it is abandoned or closed.
            sent.forEach(part -> part.cancel(true));
            cancellation.check();
            throw new StoppedException(Reason.AGENT_STOPPING);
        }
    }

    private CompletedPart part(PvcFile file, String key, String uploadId, String label, Part part, RateLimit limit,
            Cancellation cancellation, TransferListener listener) throws WriteFailedException {
        cancellation.check();
        UploadPartRequest.Builder request = UploadPartRequest.builder().bucket(target.bucket()).key(key).uploadId(uploadId)
                .partNumber(part.number()).contentLength(part.length());
        checksum.on(request, part.digest());
        try (FileRange body = new FileRange(file.source(), part.offset(), part.length(), limit, cancellation, listener)) {
            String eTag = target.client().uploadPart(request.build(),
                    RequestBody.fromContentProvider(body, part.length(), OCTET_STREAM)).eTag();
            CompletedPart.Builder completed = CompletedPart.builder().partNumber(part.number()).eTag(eTag);
            checksum.on(completed, part.digest());
            return completed.build();
        } catch (SdkException e) {
            throw failure("Uploading part %d of %s".formatted(part.number(), label), cancellation, e);
        }
    }

    /** A part's result; gives up at once when the job is stopped. */
    private static CompletedPart await(Future<CompletedPart> part, Cancellation cancellation) throws WriteFailedException {
        while (true) {
            cancellation.check();
            try {
                return part.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.check();
                throw new StoppedException(Reason.AGENT_STOPPING);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WriteFailedException writeFailed) {
                    throw writeFailed;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private WriteFailedException failure(String doing, Cancellation cancellation, SdkException e) {
        cancellation.check();
        return new WriteFailedException(target.failures().describe(doing, e), e);
    }
}
