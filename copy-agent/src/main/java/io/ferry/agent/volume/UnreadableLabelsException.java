package io.ferry.agent.volume;

import java.nio.file.Path;

/** A PVC's labels file that is not a JSON object of strings: the PVCs a label selector picks are unknown. */
public final class UnreadableLabelsException extends RuntimeException {

    UnreadableLabelsException(PvcName pvc, Path file, String reason) {
        super("The labels of PVC %s cannot be read from %s (it must be a JSON object of strings): %s".formatted(pvc, file, reason));
    }
}
