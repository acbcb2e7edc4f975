package io.ferry.agent.repository.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.ferry.agent.repository.crypto.DamagedDataException;
import io.ferry.agent.repository.crypto.MasterKeys;
import io.ferry.agent.repository.crypto.Sealer;

class PackTest {

    private final MasterKeys keys = MasterKeys.random();

    @Test
    void aPackIsItsBlobsThenItsSealedHeaderThenTheHeaderLengthAndIsNamedBySha256() throws Exception {
        byte[] text = "a compressible chunk ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[300_000];
        new Random(1).nextBytes(random);
        PackBuilder builder = new PackBuilder();
        for (byte[] chunk : List.of(text, random)) {
            byte[] id = keys.chunkId(chunk);
            builder.add(id, keys.sealer().seal(id, chunk), chunk.length);
        }

        PackBuilder.Pack pack = builder.build(keys.sealer());

        assertThat(pack.id()).isEqualTo(HexFormat.of().formatHex(PackBuilder.sha256(pack.data())));
        assertThat(pack.name()).isEqualTo("data/" + pack.id().substring(0, 2) + "/" + pack.id());
        List<PackEntry> entries = PackReader.entries(pack.data(), keys.sealer());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).offset()).isZero();
        assertThat(entries.get(1).offset()).isEqualTo(entries.get(0).length());
        assertThat(entries.get(0).length()).as("compressed").isLessThan(text.length / 10);
        assertThat(entries.get(1).length()).as("stored as it is, plus nonce, format byte and tag")
                .isEqualTo(random.length + Sealer.OVERHEAD);
        int headerLength = ByteBuffer.wrap(pack.data(), pack.data().length - 4, 4).getInt();
        assertThat(entries.get(1).offset() + entries.get(1).length() + headerLength + 4).isEqualTo(pack.data().length);
        for (int i = 0; i < 2; i++) {
            PackEntry entry = entries.get(i);
            byte[] sealed = java.util.Arrays.copyOfRange(pack.data(), entry.offset(), entry.offset() + entry.length());
            byte[] chunk = keys.sealer().open(entry.chunkId(), sealed);
            assertThat(chunk).isEqualTo(i == 0 ? text : random).hasSize(entry.rawLength());
            assertThat(keys.chunkId(chunk)).isEqualTo(entry.chunkId());
        }
    }

    @Test
    void aBlobOpensOnlyWithItsOwnChunkIdAndKey() {
        byte[] chunk = "data".getBytes(StandardCharsets.UTF_8);
        byte[] id = keys.chunkId(chunk);
        byte[] sealed = keys.sealer().seal(id, chunk);

        assertThatThrownBy(() -> keys.sealer().open(keys.chunkId("other".getBytes(StandardCharsets.UTF_8)), sealed))
                .isInstanceOf(DamagedDataException.class).hasMessageContaining("authentication tag");
        assertThatThrownBy(() -> MasterKeys.random().sealer().open(id, sealed)).isInstanceOf(DamagedDataException.class);
    }
}
