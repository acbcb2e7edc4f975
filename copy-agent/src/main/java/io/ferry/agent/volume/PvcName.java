package io.ferry.agent.volume;

/** A PVC by namespace and name. */
public record PvcName(String namespace, String name) {

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
