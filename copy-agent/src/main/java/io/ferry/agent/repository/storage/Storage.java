package io.ferry.agent.repository.storage;

import java.io.IOException;
import java.util.List;
import java.util.SortedMap;

/**
 * The objects of one repository on a backup target, by name relative to the repository's root ({@code keys/…},
 * {@code data/ab/…}). An object appears only once it is completely written; objects are never rewritten in
 * place (the repository only creates and, in garbage collection, deletes them).
 */
public interface Storage extends AutoCloseable {

    /** What messages call the repository's place, for example {@code "repository in backup target /backups"}. */
    String place();

    /** Writes an object (replacing one of that name, which the repository never asks for but garbage collection may). */
    void put(String name, byte[] data) throws IOException;

    /** @throws java.nio.file.NoSuchFileException when there is no such object */
    byte[] get(String name) throws IOException;

    /** {@code length} bytes of an object from {@code offset}. */
    byte[] get(String name, long offset, int length) throws IOException;

    /** The size of an object. */
    long size(String name) throws IOException;

    /** The names of the objects whose name starts with {@code prefix} (for example {@code "index/"}), sorted. */
    default List<String> list(String prefix) throws IOException {
        return List.copyOf(sizes(prefix).keySet());
    }

    /** The objects whose name starts with {@code prefix} with their sizes, sorted by name: one listing, no request per object. */
    SortedMap<String, Long> sizes(String prefix) throws IOException;

    boolean exists(String name) throws IOException;

    /** Deletes an object; none of that name is no failure. */
    void delete(String name) throws IOException;

    @Override
    void close();
}
