package io.ferry.events.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The credential an agent presents to the agent endpoint: {@code fagent.<cluster id>.<secret>}, the secret 256 bits
 * from SecureRandom in base64url. The cluster id in it lets the endpoint find the cluster's hashes without a search;
 * only the SHA-256 of the whole credential is ever stored. The credential of {@code ./ferry up}'s local agent, which
 * serves every cluster on one machine, is {@code flocal.<secret>}.
 */
public final class AgentCredentials {

    private static final String CLUSTER_PREFIX = "fagent.";
    private static final String LOCAL_PREFIX = "flocal.";
    private static final Pattern CLUSTER_CREDENTIAL = Pattern.compile("fagent\\.([0-9a-f]{24})\\.[A-Za-z0-9_-]{43}");
    private static final Pattern LOCAL_CREDENTIAL = Pattern.compile("flocal\\.[A-Za-z0-9_-]{43}");
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AgentCredentials() {
    }

    /** A new credential for the agent of {@code clusterId}. */
    public static String issue(String clusterId) {
        return CLUSTER_PREFIX + clusterId + "." + secret();
    }

    /** A new credential for a local agent that serves every cluster. */
    public static String issueLocal() {
        return LOCAL_PREFIX + secret();
    }

    /** The cluster a well-formed cluster credential is for; empty for anything else. */
    public static Optional<String> clusterOf(String credential) {
        if (credential == null) {
            return Optional.empty();
        }
        var matcher = CLUSTER_CREDENTIAL.matcher(credential);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether it has the form of a local agent's credential. */
    public static boolean isLocal(String credential) {
        return credential != null && LOCAL_CREDENTIAL.matcher(credential).matches();
    }

    /** Hex SHA-256 of the credential: what is stored and compared. */
    public static String sha256(String credential) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether two hex hashes are equal, compared in constant time. */
    public static boolean sameHash(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String secret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
