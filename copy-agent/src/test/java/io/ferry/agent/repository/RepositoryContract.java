package io.ferry.agent.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.repository.crypto.KeyFile;
import io.ferry.agent.repository.crypto.MasterKeys;
import io.ferry.agent.repository.snapshot.Snapshot;
import io.ferry.agent.repository.snapshot.SnapshotFile;
import io.ferry.agent.repository.storage.Storage;
import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.Cancellation.StoppedException;
import io.ferry.agent.transfer.RateLimit;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.volume.PvcName;
import io.ferry.agent.volume.PvcScan;

/** What a repository must do on any storage; subclasses give the storage (a directory, the real S3 server). */
abstract class RepositoryContract {

    static final int MIB = 1024 * 1024;
    static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    static final PvcName DB = new PvcName("shop", "db");
    static final String KNOWN_TEXT = "Ferry repository plaintext canary: the quick brown fox jumps over the lazy dog. ";

    @TempDir
    Path work;

    Storage storage;

    /** A new, empty place for one repository. */
    abstract Storage newStorage() throws Exception;

    /** Another client of the same place, as a second agent would have. */
    abstract Storage sameStorage() throws Exception;

    @BeforeEach
    void openStorage() throws Exception {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Test
    void aSecondCopyOfAnUnchangedTreeStoresLessThanOnePercent() throws Exception {
        Path pvc = tree(work.resolve("pvc"), 11);
        long treeSize = PvcScan.of(pvc, "db").totalSize();
        Repository repository = Repository.open(storage, PASSWORD);
        Counts first = backup(repository, pvc, DB, "job-1", true);
        Map<String, Long> afterFirst = objects(storage);

        Counts reread = backup(Repository.open(sameStorage(), PASSWORD), pvc, DB, "job-2", false);
        Map<String, Long> afterReread = objects(storage);
        Counts skipped = backup(Repository.open(sameStorage(), PASSWORD), pvc, DB, "job-3", true);

        assertThat(first.read.get()).isEqualTo(treeSize);
        assertThat(first.stored.get()).isGreaterThan(treeSize / 2);
        assertThat(added(afterFirst, afterReread)).isLessThan(treeSize / 100);
        assertThat(reread.read.get()).as("without the parent check every byte is read").isEqualTo(treeSize);
        assertThat(reread.stored.get()).isZero();
        assertThat(added(afterReread, objects(storage))).isLessThan(treeSize / 100);
        assertThat(skipped.read.get()).as("with the parent check unchanged files are not read").isZero();
        assertThat(skipped.stored.get()).isZero();
        Repository fresh = Repository.open(sameStorage(), PASSWORD);
        assertThat(fresh.snapshots()).hasSize(3);
        Map.Entry<String, Snapshot> latest = fresh.latest(DB).orElseThrow();
        assertThat(latest.getValue().jobId()).isEqualTo("job-3");
        assertThat(fresh.snapshots().get(latest.getValue().parent()).jobId()).isEqualTo("job-2");
        assertRestores(fresh, latest.getValue(), pvc);
    }

    @Test
    void changingOneMibInTheMiddleOfA256MibFileStoresLessThan8Mib() throws Exception {
        Path pvc = Files.createDirectories(work.resolve("big"));
        Path file = pvc.resolve("disk.img");
        randomFile(file, 256 * MIB, 21);
        Repository repository = Repository.open(storage, PASSWORD);
        backup(repository, pvc, DB, "job-1", true);
        Map<String, Long> before = objects(storage);
        try (RandomAccessFile change = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] patch = new byte[MIB];
            new Random(22).nextBytes(patch);
            change.seek(128L * MIB - 4321);
            change.write(patch);
        }

        Counts second = backup(Repository.open(sameStorage(), PASSWORD), pvc, DB, "job-2", true);

        assertThat(second.read.get()).as("a changed file is read again").isEqualTo(256L * MIB);
        assertThat(second.stored.get()).isLessThan(8L * MIB);
        assertThat(added(before, objects(storage))).isLessThan(8L * MIB);
        Repository fresh = Repository.open(sameStorage(), PASSWORD);
        assertRestores(fresh, fresh.latest(DB).orElseThrow().getValue(), pvc);
    }

    @Test
    void noObjectHoldsPlaintextOfAKnownFileOrThePassword() throws Exception {
        Path pvc = Files.createDirectories(work.resolve("known"));
        byte[] text = KNOWN_TEXT.repeat(30_000).getBytes(StandardCharsets.UTF_8);
        Files.write(pvc.resolve("known.txt"), text);
        byte[] random = randomFile(pvc.resolve("random.bin"), 3 * MIB, 31);

        backup(Repository.open(storage, PASSWORD), pvc, DB, "job-1", true);

        List<byte[]> needles = List.of(KNOWN_TEXT.substring(0, 40).getBytes(StandardCharsets.UTF_8),
                slice(random, 0, 32), slice(random, MIB + 17, 32), slice(random, 3 * MIB - 32, 32),
                new String(PASSWORD).getBytes(StandardCharsets.UTF_8), "job-1".getBytes(StandardCharsets.UTF_8),
                "known.txt".getBytes(StandardCharsets.UTF_8));
        List<String> names = storage.list("");
        assertThat(names).anyMatch(name -> name.startsWith("data/")).anyMatch(name -> name.startsWith("index/"))
                .anyMatch(name -> name.startsWith("snapshots/")).anyMatch(name -> name.startsWith("keys/"));
        long stored = 0;
        for (String name : names) {
            byte[] object = storage.get(name);
            stored += object.length;
            for (byte[] needle : needles) {
                assertThat(indexOf(object, needle)).as("%s holds \"%s\"", name, new String(needle, StandardCharsets.ISO_8859_1))
                        .isNegative();
            }
        }
        assertThat(stored).as("the text is compressed").isLessThan(text.length / 10 + random.length + 64 * 1024);
    }

    @Test
    void aWrongPasswordFailsWithAClearMessageAndWritesNothing() throws Exception {
        Path pvc = tree(work.resolve("pvc"), 41);
        backup(Repository.open(storage, PASSWORD), pvc, DB, "job-1", true);
        Map<String, Long> before = objects(storage);

        assertThatThrownBy(() -> Repository.open(sameStorage(), "wrong password".toCharArray()))
                .isInstanceOf(RepositoryException.class)
                .hasMessageStartingWith("The repository password does not open " + storage.place())
                .hasMessageNotContaining("wrong password").hasMessageNotContaining(new String(PASSWORD));

        assertThat(objects(storage)).isEqualTo(before);
    }

    @Test
    void everyFileOfASnapshotReadsBackByteIdentical() throws Exception {
        Path pvc = tree(work.resolve("pvc"), 51);
        Files.write(pvc.resolve("empty"), new byte[0]);
        Files.createDirectories(pvc.resolve("dir with spaces"));
        Files.writeString(pvc.resolve("dir with spaces/notes.txt"), KNOWN_TEXT);
        backup(Repository.open(storage, PASSWORD), pvc, DB, "job-1", true);

        Repository fresh = Repository.open(sameStorage(), PASSWORD);
        Snapshot snapshot = fresh.latest(DB).orElseThrow().getValue();

        assertThat(snapshot.files()).extracting(SnapshotFile::path).contains("empty", "dir with spaces/notes.txt");
        assertThat(snapshot.files()).hasSize(PvcScan.of(pvc, "db").files().size());
        assertThat(snapshot.files()).allSatisfy(file -> assertThat(file.inode()).isNotNull());
        assertRestores(fresh, snapshot, pvc);
    }

    @Test
    void twoWritersAtOnceBothSucceedAndBothReadBack() throws Exception {
        Path one = tree(work.resolve("one"), 61);
        Path two = tree(work.resolve("two"), 62);
        byte[] shared = randomFile(one.resolve("shared.bin"), 6 * MIB, 63);
        Files.write(two.resolve("shared.bin"), shared);
        Repository.open(storage, PASSWORD);
        PvcName logs = new PvcName("tools", "logs");

        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<Counts> first = writers.submit(() -> backup(Repository.open(sameStorage(), PASSWORD), one, DB, "job-a", true));
            Future<Counts> second = writers.submit(() -> backup(Repository.open(sameStorage(), PASSWORD), two, logs, "job-b", true));
            first.get();
            second.get();
        } finally {
            writers.shutdown();
        }

        Repository fresh = Repository.open(sameStorage(), PASSWORD);
        assertThat(fresh.snapshots()).hasSize(2);
        assertRestores(fresh, fresh.latest(DB).orElseThrow().getValue(), one);
        assertRestores(fresh, fresh.latest(logs).orElseThrow().getValue(), two);
        assertThat(storage.list(Repository.INDEX)).hasSize(2);
        assertThat(storage.list(Repository.LOCKS)).isEmpty();
    }

    @Test
    void aSecondKeyFileFromARaceToCreateTheRepositoryLeavesEverythingReadable() throws Exception {
        Path one = tree(work.resolve("one"), 65);
        Path two = tree(work.resolve("two"), 66);
        backup(Repository.open(storage, PASSWORD), one, DB, "job-a", true);
        // What a second agent that also found keys/ empty leaves: its own key file, here sorting first so that it writes next.
        storage.put(Repository.KEYS + "0".repeat(64), RepositoryJson.write(KeyFile.wrap(MasterKeys.random(), PASSWORD)));
        PvcName logs = new PvcName("tools", "logs");
        backup(Repository.open(sameStorage(), PASSWORD), two, logs, "job-b", true);

        Repository fresh = Repository.open(sameStorage(), PASSWORD);
        assertThat(storage.list(Repository.KEYS)).hasSize(2);
        assertRestores(fresh, fresh.latest(DB).orElseThrow().getValue(), one);
        assertRestores(fresh, fresh.latest(logs).orElseThrow().getValue(), two);
    }

    @Test
    void anInterruptedSessionLeavesNoSnapshotAndTheNextSucceeds() throws Exception {
        Path pvc = Files.createDirectories(work.resolve("pvc"));
        for (int i = 0; i < 3; i++) {
            randomFile(pvc.resolve("part-" + i), 10 * MIB, 70 + i);
        }
        Repository repository = Repository.open(storage, PASSWORD);
        Cancellation cancellation = new Cancellation();
        Counts counts = new Counts() {
            @Override
            public void bytesWritten(long bytes) {
                super.bytesWritten(bytes);
                // Past 16 MiB stored the first pack has been uploaded.
                if (stored.get() > 20L * MIB) {
                    cancellation.stop(Cancellation.Reason.CANCEL_REQUESTED);
                }
            }
        };

        assertThatThrownBy(() -> backup(repository, pvc, DB, "job-1", true, cancellation, counts)).isInstanceOf(StoppedException.class);

        assertThat(storage.list(Repository.SNAPSHOTS)).isEmpty();
        assertThat(storage.list(Repository.INDEX)).isEmpty();
        assertThat(storage.list(Repository.LOCKS)).isEmpty();
        assertThat(storage.list("data/")).as("a full pack went up before the cancel").isNotEmpty();
        Repository next = Repository.open(sameStorage(), PASSWORD);
        Counts second = backup(next, pvc, DB, "job-2", true);
        assertThat(second.read.get()).isEqualTo(PvcScan.of(pvc, "db").totalSize());
        Repository fresh = Repository.open(sameStorage(), PASSWORD);
        assertThat(fresh.snapshots()).hasSize(1);
        assertRestores(fresh, fresh.latest(DB).orElseThrow().getValue(), pvc);
    }

    @Test
    void aFlippedByteInAPackIsReportedAsADamagedChunk() throws Exception {
        Path pvc = Files.createDirectories(work.resolve("pvc"));
        randomFile(pvc.resolve("data.bin"), 2 * MIB, 81);
        backup(Repository.open(storage, PASSWORD), pvc, DB, "job-1", true);
        String pack = storage.list("data/").get(0);
        byte[] bytes = storage.get(pack);
        bytes[100] ^= 1;
        storage.put(pack, bytes);

        Repository fresh = Repository.open(sameStorage(), PASSWORD);
        SnapshotFile file = fresh.latest(DB).orElseThrow().getValue().files().get(0);

        assertThatThrownBy(() -> fresh.restore(file, new ByteArrayOutputStream())).isInstanceOf(RepositoryException.class)
                .hasMessageContaining("is damaged: its authentication tag does not match");
    }

    @Test
    void withoutTheInodeCheckAFreshCopyOfTheFilesWithTheirMtimesIsTakenOverUnread() throws Exception {
        Path first = tree(Files.createDirectories(work.resolve("snapshot-1")), 94);
        backup(Repository.open(storage, PASSWORD), first, DB, "job-1", true);
        Path second = work.resolve("snapshot-2");
        try (var files = Files.walk(first)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = second.resolve(first.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        long size = PvcScan.of(second, "db").totalSize();

        Counts comparingInodes = backup(Repository.open(sameStorage(), PASSWORD), second, DB, new WriteSession.Options("job-2", true, true),
                new Cancellation(), new Counts());
        Counts ignoringInodes = backup(Repository.open(sameStorage(), PASSWORD), second, DB,
                new WriteSession.Options("job-3", true, false), new Cancellation(), new Counts());
        Files.writeString(second.resolve("logs/app.log"), "rewritten after the second copy");
        Counts changed = backup(Repository.open(sameStorage(), PASSWORD), second, DB, new WriteSession.Options("job-4", true, false),
                new Cancellation(), new Counts());

        assertThat(comparingInodes.read.get()).isEqualTo(size);
        assertThat(ignoringInodes.read.get()).isZero();
        assertThat(changed.read.get()).isEqualTo(Files.size(second.resolve("logs/app.log")));
        Repository fresh = Repository.open(sameStorage(), PASSWORD);
        assertRestores(fresh, fresh.latest(DB).orElseThrow().getValue(), second);
    }

    @Test
    void aCheckOfAnIntactRepositoryFindsEveryFileRestorable() throws Exception {
        Path pvc = tree(Files.createDirectories(work.resolve("pvc")), 91);
        backup(Repository.open(storage, PASSWORD), pvc, DB, "job-1", true);
        storage.put("data/ab/ab" + "0".repeat(62), new byte[] { 1, 2, 3 });

        CheckReport report = Repository.open(sameStorage(), PASSWORD).check();

        assertThat(report.clean()).as(report.toString()).isTrue();
        assertThat(report.snapshots()).isEqualTo(1);
        assertThat(report.files()).isEqualTo(PvcScan.of(pvc, "db").files().size());
        assertThat(report.packs()).isEqualTo(storage.list("data/").size()).isGreaterThan(1);
        assertThat(report.chunks()).isGreaterThan(report.packs());
        assertThat(report.unreferencedPacks()).containsExactly("ab" + "0".repeat(62));
        assertThat(report.unreferencedBytes()).isEqualTo(3);
    }

    @Test
    void aCheckReportsAFlippedByteAsADamagedChunkAndNamesOnlyTheFilesThatUseIt() throws Exception {
        Path pvc = Files.createDirectories(work.resolve("pvc"));
        randomFile(pvc.resolve("data.bin"), 2 * MIB, 82);
        backup(Repository.open(storage, PASSWORD), pvc, DB, "job-1", true);
        String pack = storage.list("data/").get(0);
        Path other = Files.createDirectories(work.resolve("other"));
        randomFile(other.resolve("fine.bin"), MIB, 83);
        backup(Repository.open(sameStorage(), PASSWORD), other, new PvcName("shop", "other"), "job-2", true);
        byte[] bytes = storage.get(pack);
        bytes[100] ^= 1;
        storage.put(pack, bytes);

        CheckReport report = Repository.open(sameStorage(), PASSWORD).check();

        assertThat(report.clean()).isFalse();
        assertThat(report.damagedPacks()).extracting(CheckReport.DamagedPack::problem).containsExactly("its bytes do not have its name's SHA-256");
        assertThat(report.damagedChunks()).hasSize(1).allSatisfy(chunk -> {
            assertThat(pack).endsWith(chunk.pack());
            assertThat(chunk.problem()).contains("authentication tag");
        });
        assertThat(report.affectedFiles()).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo("data.bin");
            assertThat(file.namespace() + "/" + file.pvc()).isEqualTo("shop/db");
            assertThat(file.jobId()).isEqualTo("job-1");
        });
    }

    @Test
    void aCheckNamesEveryFileThatNeededADeletedPack() throws Exception {
        Path pvc = tree(Files.createDirectories(work.resolve("pvc")), 92);
        backup(Repository.open(storage, PASSWORD), pvc, DB, "job-1", true);
        String deleted = storage.list("data/").get(0);
        Path other = Files.createDirectories(work.resolve("other"));
        randomFile(other.resolve("fine.bin"), MIB, 93);
        backup(Repository.open(sameStorage(), PASSWORD), other, new PvcName("shop", "other"), "job-2", true);
        String deletedId = deleted.substring(deleted.lastIndexOf('/') + 1);
        Repository before = Repository.open(sameStorage(), PASSWORD);
        List<String> needingIt = before.latest(DB).orElseThrow().getValue().files().stream()
                .filter(file -> file.chunks().stream().anyMatch(chunk -> before.index().locate(chunk).pack().equals(deletedId)))
                .map(SnapshotFile::path).sorted().toList();
        storage.delete(deleted);

        CheckReport report = Repository.open(sameStorage(), PASSWORD).check();

        assertThat(needingIt).isNotEmpty();
        assertThat(report.damagedPacks()).singleElement().satisfies(pack -> {
            assertThat(pack.pack()).isEqualTo(deletedId);
            assertThat(pack.problem()).startsWith("missing");
        });
        assertThat(report.affectedFiles()).extracting(CheckReport.AffectedFile::path).containsExactlyInAnyOrderElementsOf(needingIt);
        assertThat(report.affectedFiles()).allSatisfy(file -> assertThat(file.problem()).contains("is missing"));
        assertThat(report.affectedFiles()).extracting(CheckReport.AffectedFile::pvc).containsOnly("db");
        assertThat(report.files()).isGreaterThan(needingIt.size());
    }

    @Test
    void pruningACopysSnapshotsFreesWhatOnlyItUsedKeepsSharedChunksAndASecondPruneFindsNothing() throws Exception {
        Path pvc = Files.createDirectories(work.resolve("pvc"));
        randomFile(pvc.resolve("shared.bin"), 9 * MIB, 101);
        randomFile(pvc.resolve("only-first.bin"), 12 * MIB, 102);
        backup(Repository.open(storage, PASSWORD), pvc, DB, "job-1", true);
        Files.delete(pvc.resolve("only-first.bin"));
        randomFile(pvc.resolve("only-second.bin"), 5 * MIB, 103);
        backup(Repository.open(sameStorage(), PASSWORD), pvc, DB, "job-2", true);
        long packsBefore = packBytes(storage);

        Repository repository = Repository.open(sameStorage(), PASSWORD);
        assertThat(repository.forget("job-1")).isEqualTo(1);
        Prune.Result pruned = repository.prune("test", 5);

        long freed = packsBefore - packBytes(storage);
        assertThat(pruned.ran()).isTrue();
        assertThat(pruned.packsRewritten()).as("job-1's packs mixed both files' chunks").isPositive();
        assertThat(freed).as("the 12 MiB only job-1 used, give or take the packs' headers").isBetween(12L * MIB - 64 * 1024, 12L * MIB + 64 * 1024);
        assertThat(pruned.freed()).isBetween(freed - 64 * 1024, freed + 64 * 1024);
        assertThat(storage.list(Repository.INDEX)).hasSize(1);
        assertThat(storage.list(Repository.LOCKS)).isEmpty();
        Repository fresh = Repository.open(sameStorage(), PASSWORD);
        assertThat(fresh.snapshots().values()).extracting(Snapshot::jobId).containsExactly("job-2");
        assertRestores(fresh, fresh.latest(DB).orElseThrow().getValue(), pvc);
        CheckReport check = fresh.check();
        assertThat(check.clean()).as(check.toString()).isTrue();
        assertThat(check.unreferencedPacks()).isEmpty();

        long indexAndPacks = packBytes(storage) + objects(storage).entrySet().stream().filter(e -> e.getKey().startsWith(Repository.INDEX))
                .mapToLong(Map.Entry::getValue).sum();
        Prune.Result again = fresh.prune("test", 5);
        assertThat(again.freedSomething()).isFalse();
        assertThat(again.freed()).isZero();
        assertThat(again.bytesAfter()).isEqualTo(indexAndPacks);
    }

    @Test
    void pruneWaitsForACopyThatIsWritingIgnoresStaleLocksAndDeletesWhatInterruptedCopiesLeft() throws Exception {
        Path pvc = tree(work.resolve("pvc"), 111);
        backup(Repository.open(storage, PASSWORD), pvc, DB, "job-1", true);
        String leftover = "ab" + "1".repeat(62);
        storage.put("data/ab/" + leftover, new byte[] { 1, 2, 3 });
        Instant longAgo = Instant.now().minus(java.time.Duration.ofHours(2));
        storage.put(Repository.LOCKS + "0".repeat(64), RepositoryJson.write(new RepositoryLock.Content(RepositoryLock.SHARED, longAgo,
                longAgo, "copy job killed-with-its-agent")));
        Repository repository = Repository.open(sameStorage(), PASSWORD);

        try (WriteSession writing = Repository.open(sameStorage(), PASSWORD).session(new WriteSession.Options("job-2", true, true))) {
            Prune.Result busy = repository.prune("test", 5);
            assertThat(busy.ran()).isFalse();
            assertThat(busy.heldBy()).isEqualTo("shared lock of copy job job-2");
            assertThat(storage.exists("data/ab/" + leftover)).as("nothing is deleted while a copy writes").isTrue();
        }
        Prune.Result pruned = repository.prune("test", 5);

        assertThat(pruned.ran()).isTrue();
        assertThat(pruned.unreferencedPacksDeleted()).isEqualTo(1);
        assertThat(pruned.packsDeleted() + pruned.packsRewritten()).isZero();
        assertThat(storage.exists("data/ab/" + leftover)).isFalse();
        assertThat(storage.list(Repository.LOCKS)).as("the stale lock is removed").isEmpty();
        assertRestores(Repository.open(sameStorage(), PASSWORD), repository.latest(DB).orElseThrow().getValue(), pvc);
    }

    @Test
    void aCopyFromARepositoryOpenedBeforeAPruneStoresTheChunksThePruneDeletedAgain() throws Exception {
        Path pvc = Files.createDirectories(work.resolve("pvc"));
        randomFile(pvc.resolve("data.bin"), 6 * MIB, 121);
        backup(Repository.open(storage, PASSWORD), pvc, DB, "job-1", true);
        Repository openedBefore = Repository.open(sameStorage(), PASSWORD);

        Repository pruning = Repository.open(sameStorage(), PASSWORD);
        pruning.forget("job-1");
        assertThat(pruning.prune("test", 5).packsDeleted()).isPositive();
        assertThat(storage.list("data/")).isEmpty();
        Counts second = backup(openedBefore, pvc, DB, "job-2", true);

        assertThat(second.stored.get()).as("the chunks are gone, so they are stored again").isGreaterThan(6L * MIB);
        Repository fresh = Repository.open(sameStorage(), PASSWORD);
        assertThat(fresh.snapshots().values()).extracting(Snapshot::jobId).containsExactly("job-2");
        assertRestores(fresh, fresh.latest(DB).orElseThrow().getValue(), pvc);
    }

    static long packBytes(Storage storage) throws IOException {
        return objects(storage).entrySet().stream().filter(entry -> entry.getKey().startsWith("data/")).mapToLong(Map.Entry::getValue).sum();
    }

    /** A tree of about 24 MiB: incompressible files of several sizes, text, and many small files. */
    static Path tree(Path root, long seed) throws IOException {
        Random random = new Random(seed);
        randomFile(root.resolve("base/large.bin"), 9 * MIB + 12345, random.nextLong());
        randomFile(root.resolve("base/medium.bin"), 3 * MIB, random.nextLong());
        for (int i = 0; i < 40; i++) {
            randomFile(root.resolve("small/" + i), 1 + random.nextInt(200_000), random.nextLong());
        }
        StringBuilder text = new StringBuilder();
        while (text.length() < 8 * MIB) {
            text.append("line ").append(random.nextInt(1_000_000)).append(' ').append(KNOWN_TEXT).append('\n');
        }
        Files.createDirectories(root.resolve("logs"));
        Files.writeString(root.resolve("logs/app.log"), text);
        Files.setLastModifiedTime(root.resolve("logs/app.log"), FileTime.from(Instant.parse("2026-01-02T03:04:05.123456789Z")));
        return root;
    }

    static byte[] randomFile(Path file, int size, long seed) throws IOException {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        return data;
    }

    static Counts backup(Repository repository, Path pvc, PvcName name, String jobId, boolean reuse) throws Exception {
        return backup(repository, pvc, name, jobId, reuse, new Cancellation(), new Counts());
    }

    static Counts backup(Repository repository, Path pvc, PvcName name, String jobId, boolean reuse, Cancellation cancellation,
            Counts counts) throws Exception {
        return backup(repository, pvc, name, new WriteSession.Options(jobId, reuse, true), cancellation, counts);
    }

    static Counts backup(Repository repository, Path pvc, PvcName name, WriteSession.Options options, Cancellation cancellation,
            Counts counts) throws Exception {
        try (WriteSession session = repository.session(options)) {
            PvcBackup backup = session.pvc(name);
            for (PvcScan.PvcFile file : PvcScan.of(pvc, name.toString()).files()) {
                backup.add(file, name + "/" + file.relativePath(), RateLimit.unlimited(), cancellation, counts);
            }
            backup.finish();
            session.commit();
        }
        return counts;
    }

    static void assertRestores(Repository repository, Snapshot snapshot, Path pvc) throws Exception {
        Map<String, Path> sources = new HashMap<>();
        for (PvcScan.PvcFile file : PvcScan.of(pvc, "pvc").files()) {
            sources.put(file.relativePath(), file.source());
        }
        assertThat(snapshot.files()).extracting(SnapshotFile::path).containsExactlyInAnyOrderElementsOf(sources.keySet());
        for (SnapshotFile file : snapshot.files()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String sha256 = repository.restore(file, out);
            String original = AgentTestSupport.sha256(sources.get(file.path()));
            assertThat(sha256).as(file.path()).isEqualTo(original).isEqualTo(file.sha256());
            assertThat((long) out.size()).isEqualTo(file.size()).isEqualTo(Files.size(sources.get(file.path())));
        }
    }

    /** Every object and its size. */
    static Map<String, Long> objects(Storage storage) throws IOException {
        Map<String, Long> sizes = new HashMap<>();
        for (String name : storage.list("")) {
            sizes.put(name, storage.size(name));
        }
        return sizes;
    }

    /** The bytes of the objects in {@code after} that were not in {@code before}. */
    static long added(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().filter(entry -> !before.containsKey(entry.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    private static byte[] slice(byte[] data, int from, int length) {
        return java.util.Arrays.copyOfRange(data, from, from + length);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static class Counts implements TransferListener {
        final AtomicLong read = new AtomicLong();
        final AtomicLong stored = new AtomicLong();
        final AtomicLong files = new AtomicLong();

        @Override
        public void bytesRead(long bytes) {
            read.addAndGet(bytes);
        }

        @Override
        public void bytesWritten(long bytes) {
            stored.addAndGet(bytes);
        }

        @Override
        public void fileDone() {
            files.incrementAndGet();
        }
    }
}
