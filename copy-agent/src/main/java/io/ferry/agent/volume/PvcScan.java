package io.ferry.agent.volume;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.ferry.agent.transfer.UnreadableFileException;

/**
 * The files of a PVC, found before copying so that progress can be measured against them. Symbolic
 * links are followed (their data is copied, as {@code cp -L} does); a link that leads nowhere is an
 * unreadable file. Sockets, pipes and devices are not data and are left out.
 */
public record PvcScan(List<PvcFile> files, long totalSize) {

    /** One regular file: its path relative to the PVC (with {@code /}), where it is, and its size. */
    public record PvcFile(String relativePath, Path source, long size) {
    }

    /**
     * @param directory the PVC's directory
     * @param label     how messages name the PVC, for example {@code ns/pvc}
     * @throws UnreadableFileException when an entry cannot be read
     */
    public static PvcScan of(Path directory, String label) throws UnreadableFileException {
        List<PvcFile> files = new ArrayList<>();
        long[] total = {0};
        try {
            Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile()) {
                        files.add(new PvcFile(relative(directory, file), file, attributes.size()));
                        total[0] += attributes.size();
                    } else if (attributes.isSymbolicLink()) {
                        throw new UnreadableEntry(file, "it is a symbolic link to " + Files.readSymbolicLink(file)
                                + ", which does not exist");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw new UnreadableEntry(file, e.toString());
                }
            });
        } catch (UnreadableEntry e) {
            throw new UnreadableFileException(label + "/" + relative(directory, e.path), e.reason);
        } catch (IOException e) {
            throw new UnreadableFileException(label, e.toString());
        }
        return new PvcScan(List.copyOf(files), total[0]);
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static final class UnreadableEntry extends IOException {
        private final transient Path path;
        private final String reason;

        UnreadableEntry(Path path, String reason) {
            super(reason);
            this.path = path;
            this.reason = reason;
        }
    }
}
