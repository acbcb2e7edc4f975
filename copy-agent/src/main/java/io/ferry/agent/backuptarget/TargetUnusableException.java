package io.ferry.agent.backuptarget;

import io.ferry.agent.transfer.WriteFailedException;

/**
 * A backup target cannot be used at all: its kind is unknown, it cannot be reached, it rejects the credentials,
 * the bucket does not exist or the credentials are not mounted. The message says which and names the target; it
 * never holds a secret.
 */
public class TargetUnusableException extends WriteFailedException {

    public TargetUnusableException(String message) {
        super(Kind.UNUSABLE, message, null);
    }

    public TargetUnusableException(String message, Throwable cause) {
        super(Kind.UNUSABLE, message, cause);
    }
}
