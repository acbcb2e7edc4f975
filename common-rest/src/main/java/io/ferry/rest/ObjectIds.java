package io.ferry.rest;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Document ids in the form clients of the original API expect: 24 lower-case hex digits laid out like a
 * MongoDB ObjectId (4 bytes of epoch seconds, 5 random bytes per process, a 3-byte counter).
 */
public final class ObjectIds {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{24}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROCESS = new byte[5];
    private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt());

    static {
        RANDOM.nextBytes(PROCESS);
    }

    private ObjectIds() {
    }

    public static String next() {
        int seconds = (int) Instant.now().getEpochSecond();
        int counter = COUNTER.getAndIncrement();
        byte[] id = new byte[12];
        id[0] = (byte) (seconds >>> 24);
        id[1] = (byte) (seconds >>> 16);
        id[2] = (byte) (seconds >>> 8);
        id[3] = (byte) seconds;
        System.arraycopy(PROCESS, 0, id, 4, 5);
        id[9] = (byte) (counter >>> 16);
        id[10] = (byte) (counter >>> 8);
        id[11] = (byte) counter;
        return HexFormat.of().formatHex(id);
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
