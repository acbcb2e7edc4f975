package io.ferry.agent.repository.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A repository's keys: {@link #sealer() the data key} (AES-256-GCM, every object but the key files) and the id key
 * (HMAC-SHA-256, chunk ids). Made at random when the repository is created, stored only wrapped (see {@link KeyFile}).
 * {@link #toString()} shows nothing of them.
 */
public final class MasterKeys {

    public static final int KEY_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] dataKey;
    private final SecretKeySpec idKey;
    private final Sealer sealer;
    private final ThreadLocal<Mac> macs;

    MasterKeys(byte[] dataKey, byte[] idKey) {
        if (dataKey.length != KEY_LENGTH || idKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("Repository keys are 32 bytes each");
        }
        this.dataKey = dataKey.clone();
        this.idKey = new SecretKeySpec(idKey, "HmacSHA256");
        this.sealer = new Sealer(new SecretKeySpec(dataKey, "AES"));
        this.macs = ThreadLocal.withInitial(this::mac);
    }

    public static MasterKeys random() {
        byte[] data = new byte[KEY_LENGTH];
        byte[] id = new byte[KEY_LENGTH];
        RANDOM.nextBytes(data);
        RANDOM.nextBytes(id);
        return new MasterKeys(data, id);
    }

    /** The id of a chunk: HMAC-SHA-256 of its plaintext with the id key. */
    public byte[] chunkId(byte[] plaintext) {
        return macs.get().doFinal(plaintext);
    }

    public Sealer sealer() {
        return sealer;
    }

    /** Both keys as stored in a key file: data key then id key. */
    byte[] encoded() {
        byte[] encoded = Arrays.copyOf(dataKey, 2 * KEY_LENGTH);
        System.arraycopy(idKey.getEncoded(), 0, encoded, KEY_LENGTH, KEY_LENGTH);
        return encoded;
    }

    static MasterKeys decode(byte[] encoded) {
        return new MasterKeys(Arrays.copyOfRange(encoded, 0, KEY_LENGTH), Arrays.copyOfRange(encoded, KEY_LENGTH, 2 * KEY_LENGTH));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(idKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM has no HMAC-SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKeys[hidden]";
    }
}
