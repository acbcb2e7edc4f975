package io.ferry.agent.repository.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A repository in a directory: each object a file under the root, written as {@code .partial/<random>}, forced to
 * disk and renamed into place, so a file under an object's name is always complete.
 */
public final class DirectoryStorage implements Storage {

    private static final String PARTIAL = ".partial";

    private final Path root;
    private final String place;

    public DirectoryStorage(Path root, String place) {
        this.root = root;
        this.place = place;
    }

    @Override
    public String place() {
        return place;
    }

    @Override
    public void put(String name, byte[] data) throws IOException {
        Path destination = file(name);
        Path partial = root.resolve(PARTIAL).resolve(UUID.randomUUID().toString());
        Files.createDirectories(partial.getParent());
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.createDirectories(destination.getParent());
        Files.move(partial, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public byte[] get(String name) throws IOException {
        return Files.readAllBytes(file(name));
    }

    @Override
    public byte[] get(String name, long offset, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file(name), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException("Object %s in the %s ends before byte %d".formatted(name, place, offset + length));
                }
            }
            return buffer.array();
        }
    }

    @Override
    public long size(String name) throws IOException {
        return Files.size(file(name));
    }

    @Override
    public SortedMap<String, Long> sizes(String prefix) throws IOException {
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : file(prefix.substring(0, slash));
        SortedMap<String, Long> sizes = new TreeMap<>();
        if (!Files.isDirectory(start)) {
            return sizes;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                return directory.getFileName().toString().equals(PARTIAL) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (attributes.isRegularFile() && name.startsWith(prefix)) {
                    sizes.put(name, attributes.size());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return sizes;
    }

    @Override
    public boolean exists(String name) {
        return Files.isRegularFile(file(name));
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(file(name));
    }

    @Override
    public void close() {
    }

    private Path file(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("..") || name.startsWith(PARTIAL)) {
            throw new IllegalArgumentException("Not an object name of a repository: " + name);
        }
        return root.resolve(name);
    }
}
