package io.ferry.events.access;

import java.time.Instant;

/**
 * One credential of a cluster's agent, never the credential itself.
 *
 * @param sha256     hex SHA-256 of the credential's secret part (the secret has 256 random bits, so a plain hash is
 *                   enough: nothing can be guessed from it)
 * @param validUntil when it stops being accepted (absent: until replaced)
 */
public record AgentCredential(String sha256, Instant validUntil) {

    /** Whether it is accepted at {@code now}. */
    public boolean validAt(Instant now) {
        return validUntil == null || now.isBefore(validUntil);
    }
}
