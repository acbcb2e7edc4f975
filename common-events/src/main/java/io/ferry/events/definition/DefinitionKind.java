package io.ferry.events.definition;

/** The definition resources owned by offload-service. */
public enum DefinitionKind {
    KUBECLUSTER,
    KUBEBACKUP,
    KUBEOFFLOAD
}
