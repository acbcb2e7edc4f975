package io.ferry.agent.backuptarget.s3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** The multipart uploads of one copy that were started and not yet completed or aborted. */
final class OpenUploads {

    private final S3Target target;
    /** Upload id to key. */
    private final Map<String, String> open = new ConcurrentHashMap<>();

    OpenUploads(S3Target target) {
        this.target = target;
    }

    String start(String key, String uploadId) {
        open.put(uploadId, key);
        return uploadId;
    }

    void completed(String uploadId) {
        open.remove(uploadId);
    }

    /** Aborts an upload, so that the server drops its parts; a failure is logged (the server expires it). */
    void abort(String uploadId, String key) {
        try {
            target.client().abortMultipartUpload(abort -> abort.bucket(target.bucket()).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            target.cleanupFailed("Aborting the multipart upload of " + key, e);
        } finally {
            open.remove(uploadId);
        }
    }

    /** Aborts the uploads this copy started under {@code prefix}. */
    void abortAll(String prefix) {
        Map.copyOf(open).forEach((uploadId, key) -> {
            if (key.startsWith(prefix)) {
                abort(uploadId, key);
            }
        });
    }

    /** Aborts every upload the server has open under {@code prefix}, this copy's or an earlier attempt's. */
    void abortUnder(String prefix) {
        try {
            for (MultipartUpload upload : target.client().listMultipartUploadsPaginator(list -> list.bucket(target.bucket())
                    .prefix(prefix)).uploads()) {
                abort(upload.uploadId(), upload.key());
            }
        } catch (SdkException e) {
            target.cleanupFailed("Listing the multipart uploads under " + prefix, e);
        }
    }
}
