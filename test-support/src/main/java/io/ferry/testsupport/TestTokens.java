package io.ferry.testsupport;

import java.time.Duration;

import io.ferry.infra.tokens.SigningKeys;
import io.ferry.infra.tokens.TokenMinter;

/** Bearer tokens for tests, signed with the key the services under test trust (unless forged). */
public final class TestTokens {

    private static final Duration VALIDITY = Duration.ofHours(1);

    private TestTokens() {
    }

    public static String admin(String org) {
        return minter().mint(org, "admin", VALIDITY);
    }

    public static String viewer(String org) {
        return minter().mint(org, "viewer", VALIDITY);
    }

    public static String expired(String org) {
        return minter().mint(org, "admin", Duration.ofHours(-1));
    }

    /** A well-formed admin token signed with a key no service trusts. */
    public static String forged(String org) {
        return new TokenMinter(SigningKeys.untrustedKey()).mint(org, "admin", VALIDITY);
    }

    /** The {@code Authorization} header value for an admin of {@code org}. */
    public static String bearer(String org) {
        return "Bearer " + admin(org);
    }

    private static TokenMinter minter() {
        return new TokenMinter(SharedInfrastructure.get().signingKeys().privateKey());
    }
}
