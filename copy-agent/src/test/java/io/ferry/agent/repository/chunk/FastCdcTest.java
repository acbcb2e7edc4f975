package io.ferry.agent.repository.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FastCdcTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void theSameDataGivesTheSameChunksHoweverTheStreamReturnsIt() throws IOException {
        byte[] data = random(1, 40 * MIB);

        List<byte[]> whole = chunks(new ByteArrayInputStream(data));
        List<byte[]> trickled = chunks(new Trickle(data, 7919));

        assertThat(trickled).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            assertThat(trickled.get(i)).isEqualTo(whole.get(i));
        }
        assertThat(concat(whole)).isEqualTo(data);
    }

    @Test
    void chunksStayWithinTheBoundsAndAverageNearTheTarget() throws IOException {
        byte[] data = random(2, 96 * MIB);

        List<byte[]> chunks = chunks(new ByteArrayInputStream(data));

        for (int i = 0; i < chunks.size() - 1; i++) {
            assertThat(chunks.get(i).length).as("chunk %d", i).isBetween(FastCdc.MIN_SIZE + 1, FastCdc.MAX_SIZE);
        }
        assertThat(chunks.get(chunks.size() - 1).length).isBetween(1, FastCdc.MAX_SIZE);
        double average = (double) data.length / chunks.size();
        assertThat(average).isBetween(0.7 * FastCdc.AVERAGE_SIZE, 1.5 * FastCdc.AVERAGE_SIZE);
    }

    @Test
    void dataWithoutCutPointsIsCutAtTheMaximum() throws IOException {
        List<byte[]> chunks = chunks(new ByteArrayInputStream(new byte[10 * MIB]));

        assertThat(chunks).extracting(chunk -> chunk.length).containsExactly(FastCdc.MAX_SIZE, FastCdc.MAX_SIZE, 2 * MIB);
    }

    @Test
    void anInsertionInTheMiddleChangesOnlyTheChunksAroundIt() throws IOException {
        byte[] data = random(3, 64 * MIB);
        byte[] inserted = random(4, 1000);
        byte[] changed = new byte[data.length + inserted.length];
        int at = 32 * MIB + 12345;
        System.arraycopy(data, 0, changed, 0, at);
        System.arraycopy(inserted, 0, changed, at, inserted.length);
        System.arraycopy(data, at, changed, at + inserted.length, data.length - at);

        Set<String> before = ids(chunks(new ByteArrayInputStream(data)));
        List<byte[]> after = chunks(new ByteArrayInputStream(changed));
        long newChunks = ids(after).stream().filter(id -> !before.contains(id)).count();

        assertThat(newChunks).isBetween(1L, 2L);
        assertThat(after.size()).isBetween(before.size() - 1, before.size() + 1);
    }

    @Test
    void aShortInputIsOneChunk() throws IOException {
        assertThat(chunks(new ByteArrayInputStream(random(5, 1000)))).hasSize(1);
        assertThat(chunks(new ByteArrayInputStream(new byte[0]))).isEmpty();
    }

    private static List<byte[]> chunks(InputStream in) throws IOException {
        Chunker chunker = new Chunker(in);
        List<byte[]> chunks = new ArrayList<>();
        for (byte[] chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static Set<String> ids(List<byte[]> chunks) {
        Set<String> ids = new HashSet<>();
        for (byte[] chunk : chunks) {
            ids.add(java.util.Arrays.hashCode(chunk) + ":" + chunk.length);
        }
        return ids;
    }

    private static byte[] concat(List<byte[]> chunks) {
        byte[] all = new byte[chunks.stream().mapToInt(chunk -> chunk.length).sum()];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }

    private static byte[] random(long seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Returns at most {@code step} bytes per read, as a socket or pipe may. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final int step;
        private int position;

        Trickle(byte[] data, int step) {
            this.data = data;
            this.step = step;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, step), data.length - position);
            System.arraycopy(data, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
