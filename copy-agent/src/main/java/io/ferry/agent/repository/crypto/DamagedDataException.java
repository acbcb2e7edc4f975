package io.ferry.agent.repository.crypto;

/** Stored data that does not authenticate or decode: changed, cut short, or sealed with another key. */
public class DamagedDataException extends Exception {

    public DamagedDataException(String reason) {
        super(reason);
    }
}
