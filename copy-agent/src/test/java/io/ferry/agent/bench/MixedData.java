package io.ferry.agent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** The benchmarks' PVC data: a mix of incompressible files of several sizes, log text and many small files. */
final class MixedData {

    private static final long MIB = 1024 * 1024;

    private MixedData() {
    }

    /** Half incompressible files (one large, some medium), a third log text, the rest small files; returns the bytes written. */
    static long write(Path pvc, long total, Random random) throws IOException {
        long large = total / 4;
        writeRandom(pvc.resolve("db/large.bin"), large, random);
        int medium = 8;
        for (int i = 0; i < medium; i++) {
            writeRandom(pvc.resolve("db/medium-" + i + ".bin"), total / 4 / medium, random);
        }
        long text = total / 3;
        Files.createDirectories(pvc.resolve("logs"));
        try (var out = Files.newBufferedWriter(pvc.resolve("logs/app.log"))) {
            for (long written = 0; written < text;) {
                String line = "2026-12-02T10:%02d:%02d.%03dZ INFO request id=%d path=/api/v1/items/%d status=200 bytes=%d%n".formatted(
                        random.nextInt(60), random.nextInt(60), random.nextInt(1000), random.nextInt(1_000_000), random.nextInt(10_000),
                        random.nextInt(100_000));
                out.write(line);
                written += line.length();
            }
        }
        long small = total - large - total / 4 / medium * medium - text;
        int files = (int) Math.max(1, small / (48 * 1024));
        for (int i = 0; i < files; i++) {
            writeRandom(pvc.resolve("small/" + (i % 50) + "/file-" + i), small / files, random);
        }
        try (var sizes = Files.walk(pvc)) {
            return sizes.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    static void writeRandom(Path file, long size, Random random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] block = new byte[(int) Math.min(size, 4 * MIB)];
        try (var out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }
}
