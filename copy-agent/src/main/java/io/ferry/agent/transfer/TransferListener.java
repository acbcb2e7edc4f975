package io.ferry.agent.transfer;

/** Counts what a transfer reads and writes, as it happens. */
public interface TransferListener {

    void bytesRead(long bytes);

    void bytesWritten(long bytes);

    /** A file has been read and written completely. */
    void fileDone();

    /** A file has been read completely and nothing of it had to be written: the destination held all of it. */
    default void fileDoneWithoutWriting() {
        fileDone();
    }
}
