package io.ferry.job.lifecycle;

/**
 * A definition a job belongs to (its cluster, kubebackup or kubeoffload), with the name it had when the job was created.
 *
 * @param id   the definition's {@code _id}; null when the trigger named none
 * @param name null when neither the trigger nor the definitions read model knew it
 */
public record DefinitionRef(String id, String name) {
}
