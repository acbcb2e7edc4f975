package io.ferry.agent.backuptarget;

/** Which job's copy: each job writes its own, under its cluster, backup and job ids. */
public record CopyId(String clusterId, String backupdefId, String jobId) {
}
