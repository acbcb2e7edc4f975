package io.ferry.agent.repository.chunk;

/**
 * Content-defined chunking (FastCDC: a gear rolling hash, cut points searched from the minimum size on, with
 * normalized chunking). From {@link #MIN_SIZE} to {@link #AVERAGE_SIZE} a cut needs {@value #STRICT_BITS} zero bits
 * of the hash, from there to {@link #MAX_SIZE} only {@value #LOOSE_BITS}, which draws chunk sizes towards the
 * average; at {@link #MAX_SIZE} the chunk is cut regardless. A cut depends only on the last 64 bytes before it, so an
 * insertion changes the chunks around it and those after resynchronise at the next cut point.
 *
 * <p>The hash: {@code h = (h << 1) + GEAR[byte]} over unsigned bytes (64-bit, wrapping); a cut after byte {@code i}
 * when the top bits of {@code h} are zero. {@code GEAR} is 256 values of SplitMix64 seeded with {@value #GEAR_SEED}.
 * The table only decides where chunks are cut (so what deduplicates), never how a repository is read.
 */
public final class FastCdc {

    public static final int MIN_SIZE = 256 * 1024;
    public static final int AVERAGE_SIZE = 1024 * 1024;
    public static final int MAX_SIZE = 4 * 1024 * 1024;

    static final int STRICT_BITS = 22;
    static final int LOOSE_BITS = 18;
    static final long GEAR_SEED = 0x4665727279434443L;

    private static final long STRICT_MASK = -1L << (64 - STRICT_BITS);
    private static final long LOOSE_MASK = -1L << (64 - LOOSE_BITS);
    private static final long[] GEAR = gear();

    private FastCdc() {
    }

    /** The length of the chunk that starts at {@code offset}, of the {@code length} bytes available there. */
    public static int cut(byte[] data, int offset, int length) {
        if (length <= MIN_SIZE) {
            return length;
        }
        int end = offset + Math.min(length, MAX_SIZE);
        int normal = offset + Math.min(length, AVERAGE_SIZE);
        long hash = 0;
        int i = offset + MIN_SIZE;
        for (; i < normal; i++) {
            hash = (hash << 1) + GEAR[data[i] & 0xff];
            if ((hash & STRICT_MASK) == 0) {
                return i + 1 - offset;
            }
        }
        for (; i < end; i++) {
            hash = (hash << 1) + GEAR[data[i] & 0xff];
            if ((hash & LOOSE_MASK) == 0) {
                return i + 1 - offset;
            }
        }
        return end - offset;
    }

    private static long[] gear() {
        long[] table = new long[256];
        long state = GEAR_SEED;
        for (int i = 0; i < table.length; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            table[i] = z ^ (z >>> 31);
        }
        return table;
    }
}
