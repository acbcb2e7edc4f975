package io.ferry.agent.repository.pack;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.ferry.agent.repository.crypto.DamagedDataException;
import io.ferry.agent.repository.crypto.Sealer;

/** Reads the header of a pack {@link PackBuilder} wrote. */
public final class PackReader {

    private PackReader() {
    }

    /** The blobs of a pack, from its whole bytes. */
    public static List<PackEntry> entries(byte[] pack, Sealer sealer) throws DamagedDataException {
        if (pack.length < 4) {
            throw new DamagedDataException("the pack is %d bytes long".formatted(pack.length));
        }
        int headerLength = ByteBuffer.wrap(pack, pack.length - 4, 4).getInt();
        if (headerLength <= 0 || headerLength > pack.length - 4) {
            throw new DamagedDataException("its trailer gives a header length of " + headerLength);
        }
        byte[] sealed = new byte[headerLength];
        System.arraycopy(pack, pack.length - 4 - headerLength, sealed, 0, headerLength);
        ByteBuffer header = ByteBuffer.wrap(sealer.open(Sealer.PACK_HEADER, sealed));
        int count = header.getInt();
        if (header.remaining() != (long) count * PackBuilder.ENTRY_LENGTH) {
            throw new DamagedDataException("its header announces %d blobs but holds %d bytes".formatted(count, header.remaining()));
        }
        List<PackEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] id = new byte[32];
            header.get(id);
            entries.add(new PackEntry(id, header.getInt(), header.getInt(), header.getInt()));
        }
        return entries;
    }
}
