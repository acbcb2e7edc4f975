package io.ferry.agent.volume;

import java.nio.file.Path;

/** A PVC and the directory that holds its data. */
public record Pvc(PvcName name, Path directory) {
}
