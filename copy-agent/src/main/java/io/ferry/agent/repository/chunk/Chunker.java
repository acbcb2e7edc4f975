package io.ferry.agent.repository.chunk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into {@link FastCdc} chunks. Reads ahead up to {@link FastCdc#MAX_SIZE} bytes, so cut points
 * depend on the content alone, not on how the stream returns it.
 */
public final class Chunker {

    private final InputStream in;
    private final byte[] buffer = new byte[FastCdc.MAX_SIZE];
    private int start;
    private int end;
    private boolean ended;

    public Chunker(InputStream in) {
        this.in = in;
    }

    /** The next chunk, or null after the last. */
    public byte[] next() throws IOException {
        fill();
        if (start == end) {
            return null;
        }
        int length = FastCdc.cut(buffer, start, end - start);
        byte[] chunk = Arrays.copyOfRange(buffer, start, start + length);
        start += length;
        return chunk;
    }

    private void fill() throws IOException {
        if (ended || end - start == buffer.length) {
            return;
        }
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
        while (end < buffer.length) {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                ended = true;
                return;
            }
            end += read;
        }
    }
}
