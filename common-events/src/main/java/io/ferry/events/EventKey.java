package io.ferry.events;

/**
 * What the Kafka key of an event is (and its CloudEvents {@code subject}): the id of the thing whose events must stay
 * in order. The payload carries the same id in one of its properties.
 */
public enum EventKey {
    DEFINITION("definitionId", "definition id"),
    OBJECTSTORE("objectstoreId", "objectstore id"),
    KUBEOFFLOAD("offloadId", "kubeoffload id"),
    KUBEBACKUP("backupdefId", "kubebackup id"),
    KUBERESTORE("restoredefId", "kuberestore id"),
    BACKUP_INSTANCE("backupInstanceId", "backupinstance id"),
    JOB("jobId", "job id"),
    CLUSTER("clusterId", "cluster id");

    private final String payloadProperty;
    private final String description;

    EventKey(String payloadProperty, String description) {
        this.payloadProperty = payloadProperty;
        this.description = description;
    }

    /** The payload's JSON property that holds the key too. */
    public String payloadProperty() {
        return payloadProperty;
    }

    /** What the key is, as the README's event table says it ("job id"). */
    public String description() {
        return description;
    }
}
