package io.ferry.agent.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON files the agent writes (journal, recovery points, manifests): replaced atomically, never half-written. */
public final class StateFiles {

    private static final ObjectMapper MAPPER = mapper();

    private StateFiles() {
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Writes {@code value} as JSON to {@code file} through a temporary file and an atomic rename. */
    public static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        MAPPER.writeValue(temporary.toFile(), value);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code value} as the JSON {@link #write} writes. */
    public static byte[] json(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }

    /** Appends {@code value} as one line of JSON to {@code file} (created with its parents if absent). */
    public static void appendLine(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = (MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The values {@link #appendLine} wrote, in order; none if the file is absent. A last line cut short
     * (the agent stopped while appending it) is left out.
     */
    public static <T> List<T> readLines(Path file, Class<T> type) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<T> values = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                values.add(MAPPER.readValue(line, type));
            } catch (JsonProcessingException e) {
                break;
            }
        }
        return values;
    }
}
