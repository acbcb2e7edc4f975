package io.ferry.agent.backuptarget.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jboss.logging.Logger;

import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.FileTransfer;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.TransferListener;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * The body of one upload request: a range of a source file, read as the HTTP client sends it. Each read hands out
 * at most one chunk and first takes it from the job's upload limit, so the limit counts bytes as they go to the
 * network; the job's cancellation is checked before every chunk. A retried request reads the range again: it passes
 * the limit again (it goes to the network again) but is counted as written once.
 */
final class FileRange implements ContentStreamProvider, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FileRange.class);

    private final Path file;
    private final long offset;
    private final long length;
    private final RateLimit limit;
    private final Cancellation cancellation;
    private final TransferListener listener;
    private long counted;
    private Stream current;

    FileRange(Path file, long offset, long length, RateLimit limit, Cancellation cancellation, TransferListener listener) {
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.limit = limit;
        this.cancellation = cancellation;
        this.listener = listener;
    }

    @Override
    public synchronized InputStream newStream() {
        close();
        try {
            current = new Stream(FileChannel.open(file, StandardOpenOption.READ));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return current;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debugf("Closing %s failed: %s", file, e.getMessage());
            }
            current = null;
        }
    }

    private synchronized void sent(long position) {
        if (position > counted) {
            listener.bytesWritten(position - counted);
            counted = position;
        }
    }

    private final class Stream extends InputStream {
        private final FileChannel channel;
        private long position;

        private Stream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int from, int wanted) throws IOException {
            if (position >= length) {
                return -1;
            }
            cancellation.check();
            int chunk = (int) Math.min(Math.min(wanted, FileTransfer.CHUNK_SIZE), length - position);
            ByteBuffer target = ByteBuffer.wrap(buffer, from, chunk);
            while (target.hasRemaining()) {
                if (channel.read(target, offset + position + target.position() - from) < 0) {
                    throw new IOException(file + " ended before its " + (offset + length) + " bytes were read");
                }
            }
            try {
                limit.acquire(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.check();
                throw new InterruptedIOException("Interrupted while waiting for the upload limit");
            }
            position += chunk;
            sent(position);
            return chunk;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, length - position);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
