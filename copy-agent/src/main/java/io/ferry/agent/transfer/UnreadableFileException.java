package io.ferry.agent.transfer;

/** A file of a PVC cannot be read: fails that PVC, not the job. */
public class UnreadableFileException extends Exception {

    public UnreadableFileException(String path, String reason) {
        super("Cannot read " + path + ": " + reason);
    }
}
