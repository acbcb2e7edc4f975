package io.ferry.agent.repository.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A key file, {@code keys/<id>}: plaintext JSON holding the master keys wrapped by a key derived from the repository
 * password. {@code kek = PBKDF2-HMAC-SHA256(password as UTF-8, salt, iterations, 256 bits)};
 * {@code wrapped = AES-256-GCM(kek, nonce, aad = "ferry:key", data key || id key)} (64 bytes + 16-byte tag).
 */
public record KeyFile(int version, Instant created, Kdf kdf, String nonce, String wrapped) {

    public static final int VERSION = 1;
    public static final String PBKDF2 = "PBKDF2-HMAC-SHA256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    private static final byte[] AAD = "ferry:key".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How the wrapping key is derived. */
    public record Kdf(String algorithm, int iterations, String salt, @JsonProperty("key_length") int keyLength) {
    }

    /** Wraps {@code keys} with a key derived from {@code password}. */
    public static KeyFile wrap(MasterKeys keys, char[] password) {
        byte[] salt = new byte[32];
        byte[] nonce = new byte[Sealer.NONCE_LENGTH];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        Kdf kdf = new Kdf(PBKDF2, ITERATIONS, Base64.getEncoder().encodeToString(salt), 256);
        byte[] sealed = Sealer.Aes.encrypt(derive(kdf, password), nonce, AAD, keys.encoded());
        return new KeyFile(VERSION, Instant.now(), kdf, Base64.getEncoder().encodeToString(nonce),
                Base64.getEncoder().encodeToString(Arrays.copyOfRange(sealed, Sealer.NONCE_LENGTH, sealed.length)));
    }

    /** @throws DamagedDataException when the password is not this key file's (or the file was changed) */
    public MasterKeys unwrap(char[] password) throws DamagedDataException {
        if (version != VERSION || kdf == null || !PBKDF2.equals(kdf.algorithm()) || kdf.keyLength() != 256) {
            throw new DamagedDataException("unknown key file format (version %d, %s)".formatted(version,
                    kdf == null ? "no kdf" : kdf.algorithm()));
        }
        byte[] iv = Base64.getDecoder().decode(nonce);
        byte[] ciphertext = Base64.getDecoder().decode(wrapped);
        if (iv.length != Sealer.NONCE_LENGTH) {
            throw new DamagedDataException("its nonce is %d bytes, not 12".formatted(iv.length));
        }
        byte[] sealed = Arrays.copyOf(iv, iv.length + ciphertext.length);
        System.arraycopy(ciphertext, 0, sealed, iv.length, ciphertext.length);
        byte[] encoded = Sealer.Aes.decrypt(derive(kdf, password), AAD, sealed);
        if (encoded.length != 2 * MasterKeys.KEY_LENGTH) {
            throw new DamagedDataException("the wrapped keys are %d bytes, not 64".formatted(encoded.length));
        }
        return MasterKeys.decode(encoded);
    }

    private static SecretKey derive(Kdf kdf, char[] password) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, Base64.getDecoder().decode(kdf.salt()), kdf.iterations(), kdf.keyLength());
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM has no PBKDF2WithHmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "KeyFile[version=%d, created=%s, kdf=%s]".formatted(version, created, kdf);
    }
}
