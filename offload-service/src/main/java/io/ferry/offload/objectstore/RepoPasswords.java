package io.ferry.offload.objectstore;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Keeps an objectstore's write-only {@code repo_password} as a salted PBKDF2 hash only
 * ({@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>}, Base64 without padding), in a table of its own beside the
 * document. Hashing is deliberately slow, so it runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class RepoPasswords {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (2023). */
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;

    public RepoPasswords(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Stores the hash of {@code password} as the objectstore's, replacing any before; in the caller's transaction. */
    Uni<Void> store(String objectstoreId, String password) {
        return vertx.executeBlocking(() -> hash(password), false)
                .chain(hash -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO objectstore_repo_password (objectstore_id, hash) VALUES (:id, :hash)
                        ON CONFLICT (objectstore_id) DO UPDATE SET hash = EXCLUDED.hash""")
                        .setParameter("id", objectstoreId)
                        .setParameter("hash", hash)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        char[] characters = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(characters, salt, ITERATIONS, HASH_BITS);
        try {
            byte[] hash = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
            return "$pbkdf2-sha256$i=" + ITERATIONS + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK always has " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
            Arrays.fill(characters, '\0');
        }
    }
}
