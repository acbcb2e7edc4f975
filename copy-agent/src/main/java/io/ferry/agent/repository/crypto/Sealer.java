package io.ferry.agent.repository.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import com.github.luben.zstd.Zstd;

/**
 * Compresses and encrypts what the repository stores (blobs, pack headers, index files, snapshots). A sealed item is
 * {@code nonce (12 random bytes) || AES-256-GCM(data key, nonce, aad, payload) (ciphertext || 16-byte tag)}, where
 * the payload is one format byte then the body: {@code 0x00} the plaintext as it is, {@code 0x01} a zstd frame of it
 * (with its content size), chosen when smaller. The associated data binds an item to its role: a blob's chunk id, or
 * the ASCII name of the object kind ({@link #PACK_HEADER}, {@link #INDEX}, {@link #SNAPSHOT}).
 */
public final class Sealer {

    public static final byte[] PACK_HEADER = "ferry:pack-header".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] INDEX = "ferry:index".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] SNAPSHOT = "ferry:snapshot".getBytes(StandardCharsets.US_ASCII);

    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    /** What sealing adds to an item at least: nonce, format byte, tag. */
    public static final int OVERHEAD = NONCE_LENGTH + 1 + TAG_LENGTH;
    static final int ZSTD_LEVEL = 3;
    private static final int PIECE = 4096;
    private static final byte RAW = 0;
    private static final byte ZSTD = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    Sealer(SecretKey key) {
        this.key = key;
    }

    public byte[] seal(byte[] aad, byte[] plaintext) {
        byte[] compressed = Zstd.compress(plaintext, ZSTD_LEVEL);
        boolean smaller = compressed.length < plaintext.length;
        byte[] body = smaller ? compressed : plaintext;
        byte[] payload = new byte[1 + body.length];
        payload[0] = smaller ? ZSTD : RAW;
        System.arraycopy(body, 0, payload, 1, body.length);
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return Aes.encrypt(key, nonce, aad, payload);
    }

    /** @throws DamagedDataException when the item is not one this key sealed with this associated data, or was changed */
    public byte[] open(byte[] aad, byte[] sealed) throws DamagedDataException {
        byte[] payload = Aes.decrypt(key, aad, sealed);
        byte[] body = Arrays.copyOfRange(payload, 1, payload.length);
        return switch (payload[0]) {
            case RAW -> body;
            case ZSTD -> {
                long size = Zstd.getFrameContentSize(body);
                if (size < 0 || size > Integer.MAX_VALUE) {
                    throw new DamagedDataException("its zstd frame has no usable content size");
                }
                yield Zstd.decompress(body, (int) size);
            }
            default -> throw new DamagedDataException("unknown format byte " + payload[0]);
        };
    }

    /** AES-256-GCM with a 96-bit nonce and a 128-bit tag: {@code nonce || ciphertext || tag}. */
    static final class Aes {

        private Aes() {
        }

        static byte[] encrypt(SecretKey key, byte[] nonce, byte[] aad, byte[] plaintext) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
                cipher.updateAAD(aad);
                byte[] sealed = new byte[NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
                System.arraycopy(nonce, 0, sealed, 0, NONCE_LENGTH);
                int written = NONCE_LENGTH;
                int at = 0;
                // In pieces: JDK 17 compiles its AES-CTR and GHASH intrinsics only for methods called often, not for a few
                // calls over megabytes, which stay 20 times slower.
                for (; plaintext.length - at > PIECE; at += PIECE) {
                    written += cipher.update(plaintext, at, PIECE, sealed, written);
                }
                cipher.doFinal(plaintext, at, plaintext.length - at, sealed, written);
                return sealed;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-256-GCM failed", e);
            }
        }

        static byte[] decrypt(SecretKey key, byte[] aad, byte[] sealed) throws DamagedDataException {
            if (sealed.length < NONCE_LENGTH + TAG_LENGTH + 1) {
                throw new DamagedDataException("it is too short (%d bytes)".formatted(sealed.length));
            }
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, sealed, 0, NONCE_LENGTH));
                cipher.updateAAD(aad);
                return cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
            } catch (AEADBadTagException e) {
                throw new DamagedDataException("its authentication tag does not match");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-256-GCM failed", e);
            }
        }
    }
}
