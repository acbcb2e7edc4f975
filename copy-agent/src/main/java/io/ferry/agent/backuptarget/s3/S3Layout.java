package io.ferry.agent.backuptarget.s3;

import java.util.UUID;

import io.ferry.agent.backuptarget.CopyId;
import io.ferry.agent.volume.PvcName;

/**
 * Where a copy's objects are in the bucket. Under the target's prefix (none, or {@code <prefix>/}):
 *
 * <pre>
 * &lt;prefix&gt;/ferry/&lt;backupdefId&gt;/&lt;jobId&gt;/manifest.json                           the copy's manifest, written last
 * &lt;prefix&gt;/ferry/&lt;backupdefId&gt;/&lt;jobId&gt;/data/&lt;namespace&gt;/&lt;pvc&gt;/&lt;path&gt;           one object per file of a PVC
 * &lt;prefix&gt;/ferry/repositories/&lt;backupdefId&gt;/...                            the backup's repository
 * &lt;prefix&gt;/ferry/.probe/&lt;random&gt;                                         the probe object of a check, deleted at once
 * </pre>
 *
 * Each data object carries the file's SHA-256 (hex) as user metadata {@value #SHA256_METADATA}.
 */
public record S3Layout(String root) {

    static final String SHA256_METADATA = "ferry-sha256";

    public static S3Layout under(String prefix) {
        String trimmed = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        return new S3Layout(trimmed.isEmpty() ? "ferry/" : trimmed + "/ferry/");
    }

    String job(CopyId copy) {
        return root + copy.backupdefId() + "/" + copy.jobId() + "/";
    }

    String manifest(CopyId copy) {
        return job(copy) + "manifest.json";
    }

    String pvc(CopyId copy, PvcName pvc) {
        return job(copy) + "data/" + pvc.namespace() + "/" + pvc.name() + "/";
    }

    /** The repository of a backup's incremental copies (see the repository package). */
    public String repository(String backupdefId) {
        return root + "repositories/" + backupdefId + "/";
    }

    String probe() {
        return root + ".probe/" + UUID.randomUUID();
    }
}
