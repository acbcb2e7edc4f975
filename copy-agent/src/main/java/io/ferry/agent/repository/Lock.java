package io.ferry.agent.repository;

import java.time.Instant;

/**
 * A lock object, {@code locks/<random id>} (plaintext JSON): {@code shared} while a write session runs,
 * {@code exclusive} while garbage collection deletes (see the README's repository format).
 */
record Lock(String kind, Instant created, String holder) {

    static final String SHARED = "shared";
    static final String EXCLUSIVE = "exclusive";
}
